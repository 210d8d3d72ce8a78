/**
 * Issue 16/13: `docker logs` passes a container's stderr through, and nginx writes its start-up notices there.
 * An output task whose reference solution is `docker logs --tail 2 web` was judged "your commands printed
 * nothing" for every answer, the reference's own included, because the checker read stdout only. It now judges
 * what a successful command showed on the terminal: its stdout, then its stderr.
 */
import { check } from '@/lib/cli';

const setup = ['docker network create appnet', 'docker run -d --name web --network appnet nginx'];
const task = { setup, solutions: [['docker logs --tail 2 web']], mode: 'output' as const };

describe('output tasks judge what the terminal showed', () => {
  it('accepts the reference solution and its equivalents', () => {
    for (const answer of ['docker logs --tail 2 web', 'docker logs -n 2 web', 'docker container logs --tail=2 web']) {
      expect(check(task, [answer])).toEqual({ correct: true, feedback: [] });
    }
  });

  it('accepts it after a detour, and rejects other output', () => {
    expect(check(task, ['docker ps', 'docker logs web --tail 2']).correct).toBe(true);
    const wrong = check(task, ['docker logs --tail 1 web']);
    expect(wrong.correct).toBe(false);
    expect(wrong.feedback[0]).toBe('none of your commands printed what the task asks for');
  });

  it('still says nothing was printed when nothing was', () => {
    expect(check(task, ['docker network ls -q --filter name=nosuch']).feedback[0]).toBe('your commands printed nothing');
  });
});
