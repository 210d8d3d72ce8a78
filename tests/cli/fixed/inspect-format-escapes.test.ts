/**
 * Issue 16 (h16x, found by the learner-answer probe): `inspect -f '{{range ...}}{{.X}}{{"\n"}}{{end}}'`
 * failed with "unterminated quoted string": the lab replaced \n and \t in inspect templates as
 * docker/cli does only for list formats (ps, network ls). docker inspect parses the template as
 * typed (cli/command/inspect/inspector.go).
 */
import { createLab } from '@/lib/cli';

describe('inspect templates are parsed as typed', () => {
  it('{{"\\n"}} is a newline', () => {
    const r = createLab().run(`docker network inspect bridge -f '{{range .IPAM.Config}}{{.Subnet}}{{"\\n"}}{{end}}'`);
    expect(r).toEqual({ stdout: '172.17.0.0/16\n\n', stderr: '', exitCode: 0 });
  });
  it('a bare \\t stays two characters, as docker inspect prints it', () => {
    expect(createLab().run(`docker network inspect bridge -f '{{.Name}}\\t{{.Driver}}'`).stdout).toBe('bridge\\tbridge\n');
  });
  it('list formats still turn \\t into a tab', () => {
    expect(createLab().run(`docker network ls -f name=bridge --format '{{.Name}}\\t{{.Driver}}'`).stdout).toBe('bridge\tbridge\n');
  });
});
