import { checkShellSyntax, runShell, type CommandResult, type ExecFn } from '@/lib/cli/sh';

// A stand-in engine: `docker` prints a small table, `say X...` echoes its args, `fail N` exits N, `stdin` echoes
// its stdin, anything else is "command not found".
const TABLE = 'NETWORK ID     NAME      DRIVER    SCOPE\n1a2b3c4d5e6f   bridge    bridge    local\n2b3c4d5e6f7a   host      host      local\n3c4d5e6f7a8b   none      null      local\n4d5e6f7a8b9c   appnet    overlay   swarm\n';
function makeExec(calls: string[][] = []): ExecFn {
  return (argv, stdin) => {
    calls.push(argv);
    switch (argv[0]) {
      case 'docker':
        if (argv[1] === 'network' && argv[2] === 'ls') return { stdout: TABLE, stderr: '', exitCode: 0 };
        if (argv[1] === 'token') return { stdout: 'SWMTKN-1-abc\n', stderr: '', exitCode: 0 };
        if (argv[1] === 'ps') return { stdout: 'c1\nc2\n', stderr: '', exitCode: 0 };
        if (argv[1] === 'err') return { stdout: '', stderr: 'Error response from daemon: nope\n', exitCode: 1 };
        return { stdout: `docker ${JSON.stringify(argv.slice(1))}\n`, stderr: '', exitCode: 0 };
      case 'say':
        return { stdout: argv.slice(1).join('|') + '\n', stderr: '', exitCode: 0 };
      case 'fail':
        return { stdout: '', stderr: `failed ${argv[1]}\n`, exitCode: Number(argv[1]) };
      case 'stdin':
        return { stdout: stdin, stderr: '', exitCode: 0 };
      case 'boom':
        throw new Error('engine bug');
      default:
        return { stdout: '', stderr: `bash: ${argv[0]}: command not found\n`, exitCode: 127 };
    }
  };
}

const run = (line: string, env?: Record<string, string>): CommandResult => runShell(line, makeExec(), { env });

describe('runShell: quoting and words', () => {
  it.each<[string, string, string]>([
    ['plain words', 'say a b  c', 'a|b|c\n'],
    ['double quotes keep spaces', 'say "a  b" c', 'a  b|c\n'],
    ['single quotes are literal', "say 'a $x \"q\"'", 'a $x "q"|\n'.replace('|\n', '\n')],
    ['backslash escapes', 'say a\\ b \\"q\\"', 'a b|"q"\n'],
    ['adjacent quoted parts join', 'say a"b c"\'d\'', 'ab cd\n'],
    ['empty quoted word kept', 'say "" x', '|x\n'],
    ['hash inside a word is literal', 'say a#b', 'a#b\n'],
    ['comment at word start', 'say a # b c', 'a\n'],
    ['quoted hash', 'say "#x"', '#x\n'],
    ['glob characters pass through', 'say *.txt a?', '*.txt|a?\n'],
    ['unset variable expands to nothing', 'say $NOPE x', 'x\n'],
    ['braced variable', 'X=1; say ${X}y', '1y\n'],
    ['CRLF line end', 'say a\r', 'a\n'],
  ])('%s', (_n, line, stdout) => {
    const r = run(line);
    expect(r).toEqual({ stdout, stderr: '', exitCode: 0 });
  });
});

describe('runShell: lists and exit codes', () => {
  it.each<[string, string, string, string, number]>([
    ['; runs both', 'say a; say b', 'a\nb\n', '', 0],
    ['&& stops on failure', 'fail 3 && say no', '', 'failed 3\n', 3],
    ['&& continues on success', 'say a && say b', 'a\nb\n', '', 0],
    ['|| runs on failure', 'fail 2 || say rescued', 'rescued\n', 'failed 2\n', 0],
    ['|| skips on success', 'say a || say b', 'a\n', '', 0],
    ['chain', 'fail 1 && say x || say y; say z', 'y\nz\n', 'failed 1\n', 0],
    ['$? after failure', 'fail 4; say $?', '4\n', 'failed 4\n', 0],
    ['last exit code wins', 'say a; fail 5', 'a\n', 'failed 5\n', 5],
    ['unknown command 127', 'nosuch', '', 'bash: nosuch: command not found\n', 127],
    ['true/false', 'false || true && say ok', 'ok\n', '', 0],
    ['trailing ;', 'say a;', 'a\n', '', 0],
    ['newline separates', 'say a\nsay b', 'a\nb\n', '', 0],
    ['empty line', '', '', '', 0],
    ['blank line', '   ', '', '', 0],
    ['comment only', '# just a note', '', '', 0],
    ['engine exception is contained', 'boom', '', 'bash: boom: internal error: engine bug\n', 1],
  ])('%s', (_n, line, stdout, stderr, exitCode) => {
    expect(run(line)).toEqual({ stdout, stderr, exitCode });
  });
});

describe('runShell: pipes and filters', () => {
  it.each<[string, string, string, number]>([
    ['grep', 'docker network ls | grep bridge', '1a2b3c4d5e6f   bridge    bridge    local\n', 0],
    ['grep no match exits 1', 'docker network ls | grep nothing', '', 1],
    ['grep -v -c', 'docker network ls | grep -vc local', '2\n', 0],
    ['grep -i', 'docker network ls | grep -i APPNET', '4d5e6f7a8b9c   appnet    overlay   swarm\n', 0],
    ['grep -w', 'echo "a bridge" "bridged" | grep -w bridged', 'a bridge bridged\n', 0],
    ['grep -w rejects partial words', 'printf_absent=1; echo bridged | grep -w bridge', '', 1],
    ['grep -E alternation', 'docker network ls | grep -E "host|none" | wc -l', '2\n', 0],
    ['grep BRE treats | literally', 'docker network ls | grep "host|none"', '', 1],
    ['grep BRE \\| alternation', 'docker network ls | grep "host\\|none" | wc -l', '2\n', 0],
    ['grep -o', 'echo "ip 10.0.0.2 and 10.0.0.3" | grep -oE "[0-9]+(\\.[0-9]+){3}"', '10.0.0.2\n10.0.0.3\n', 0],
    ['grep -F', 'echo "a.b axb" | grep -oF a.b', 'a.b\n', 0],
    ['grep -n', 'docker network ls | grep -n host', '3:2b3c4d5e6f7a   host      host      local\n', 0],
    ['grep -q', 'docker network ls | grep -q appnet && echo yes', 'yes\n', 0],
    ['grep anchors', 'docker network ls | grep "^NETWORK" | wc -l', '1\n', 0],
    ['grep -e multiple', 'docker network ls | grep -e host -e none -c', '2\n', 0],
    ['grep bracket class', 'echo "abc 123" | grep -o "[[:digit:]]*3"', '123\n', 0],
    ['head -n', 'docker network ls | head -n 2', TABLE.split('\n').slice(0, 2).join('\n') + '\n', 0],
    ['head -N', 'docker network ls | head -1', TABLE.split('\n')[0] + '\n', 0],
    ['tail -n', 'docker network ls | tail -n 1', '4d5e6f7a8b9c   appnet    overlay   swarm\n', 0],
    ['tail -n +2 drops header', 'docker network ls | tail -n +2 | wc -l', '4\n', 0],
    ['wc -l', 'docker network ls | wc -l', '5\n', 0],
    ['wc -w', 'echo a b c | wc -w', '3\n', 0],
    ['wc default', 'echo hi | wc', '      1       1       3\n', 0],
    ['awk column', 'docker network ls | awk \'{print $2}\' | tail -n +2', 'bridge\nhost\nnone\nappnet\n', 0],
    ['awk NR and several fields', 'docker network ls | awk \'NR>1 {print $2, $3}\'', 'bridge bridge\nhost host\nnone null\nappnet overlay\n', 0],
    ['awk -F and $NF', 'echo a:b:c | awk -F: \'{print $NF}\'', 'c\n', 0],
    ['awk regex', 'docker network ls | awk \'/overlay/ {print $1}\'', '4d5e6f7a8b9c\n', 0],
    ['cut', 'echo 10.0.0.5/24 | cut -d/ -f1', '10.0.0.5\n', 0],
    ['cut ranges', 'echo a,b,c,d | cut -d , -f 2-3', 'b,c\n', 0],
    ['sort and uniq', 'printf_absent=1; say b a b | tr "|" "\\n" | sort | uniq -c', '      1 a\n      2 b\n', 0],
    ['sort -r', 'echo "a\nc\nb" | sort -r', 'c\nb\na\n', 0],
    ['cat of stdin', 'docker ps | cat', 'c1\nc2\n', 0],
    ['stdin reaches programs', 'echo hello | stdin', 'hello\n', 0],
    ['xargs', 'docker ps | xargs docker rm', 'docker ["rm","c1","c2"]\n', 0],
    ['xargs -n1', 'docker ps | xargs -n1 say', 'c1\nc2\n', 0],
    ['xargs -r on empty input', 'echo -n "" | xargs -r say', '', 0],
    ['pipeline exit code is the last command', 'fail 3 | say x', 'x\n', 0],
    ['echo -n', 'echo -n a; echo b', 'ab\n', 0],
    ['echo -e', 'echo -e "a\\tb"', 'a\tb\n', 0],
    ['sleep is instant', 'sleep 5 && echo done', 'done\n', 0],
  ])('%s', (_n, line, stdout, exitCode) => {
    const r = run(line);
    expect(r.stdout).toBe(stdout);
    expect(r.exitCode).toBe(exitCode);
  });

  it('keeps stderr of every pipeline stage', () => {
    expect(run('docker err | grep x')).toEqual({ stdout: '', stderr: 'Error response from daemon: nope\n', exitCode: 1 });
  });

  it.each<[string, string, number]>([
    ['grep bad regex', 'echo a | grep "a\\("', 2],
    ['grep missing pattern', 'echo a | grep', 2],
    ['grep file operand', 'grep x /etc/hosts', 2],
    ['grep backreference', 'echo aa | grep "\\(a\\)\\1"', 2],
    ['head bad count', 'echo a | head -n x', 1],
    ['awk program outside the subset', 'echo a | awk \'{ x = 1 }\'', 2],
    ['cut without list', 'echo a | cut -d:', 1],
  ])('filter errors: %s', (_n, line, exitCode) => {
    const r = run(line);
    expect(r.exitCode).toBe(exitCode);
    expect(r.stderr).not.toBe('');
  });
});

describe('runShell: command substitution and variables', () => {
  it('passes substitution output as arguments (the swarm join idiom)', () => {
    const calls: string[][] = [];
    const r = runShell('docker swarm join --token $(docker token) 10.0.0.11:2377', makeExec(calls));
    expect(r.exitCode).toBe(0);
    expect(calls.at(-1)).toEqual(['docker', 'swarm', 'join', '--token', 'SWMTKN-1-abc', '10.0.0.11:2377']);
  });

  it.each<[string, string]>([
    ['nested', 'say $(echo $(echo $(echo deep)))'],
    ['backticks', 'say `echo deep`'],
    ['inside double quotes', 'say "$(echo deep)"'],
  ])('%s', (_n, line) => {
    expect(run(line).stdout).toBe('deep\n');
  });

  it.each<[string, string]>([
    ['unquoted output is split into words', 'say $(docker ps)'],
  ])('%s', (_n, line) => {
    expect(run(line).stdout).toBe('c1|c2\n');
  });

  it('quoted substitution stays one word, trailing newlines stripped', () => {
    expect(run('say "$(docker ps)"').stdout).toBe('c1\nc2\n');
  });

  it('single quotes do not substitute', () => {
    expect(run("say '$(echo x)'").stdout).toBe('$(echo x)\n');
  });

  it('variables persist across lines through opts.env, assignment values are not split', () => {
    const env: Record<string, string> = {};
    expect(run('TOKEN=$(docker ps)', env)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run('say "$TOKEN"', env).stdout).toBe('c1\nc2\n');
    expect(run('export A=1 B="x y"; say $A "$B"', env).stdout).toBe('1|x y\n');
    expect(run('fail 7', env).exitCode).toBe(7);
    expect(run('say $?', env).stdout).toBe('7\n');
  });

  it('a prefix assignment does not leak', () => {
    const env: Record<string, string> = {};
    expect(run('X=1 say $X', env).stdout).toBe('\n');
    expect(env.X).toBeUndefined();
  });

  it('stderr of a substitution is shown', () => {
    expect(run('say $(docker err)')).toEqual({ stdout: '\n', stderr: 'Error response from daemon: nope\n', exitCode: 0 });
  });
});

describe('runShell: redirections', () => {
  it.each<[string, string, string]>([
    ['2>/dev/null', 'docker err 2>/dev/null || say gone', 'gone\n'],
    ['>/dev/null', 'say a >/dev/null; say b', 'b\n'],
    ['2>&1 into a pipe', 'docker err 2>&1 | grep -c daemon', '1\n'],
    ['&>/dev/null', 'docker err &>/dev/null', ''],
  ])('%s', (_n, line, stdout) => {
    const r = run(line);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toBe('');
  });
});

describe('runShell: syntax errors are bash-like and run nothing', () => {
  it.each<[string, string, string, number]>([
    ['unbalanced double quote', 'say "abc', 'bash: unexpected EOF while looking for matching `"\'\n', 2],
    ['unbalanced single quote', "say 'abc", "bash: unexpected EOF while looking for matching `''\n", 2],
    ['unbalanced backtick', 'say `abc', "bash: unexpected EOF while looking for matching ``'\n", 2],
    ['unclosed substitution', 'say $(echo a', "bash: unexpected EOF while looking for matching `)'\n", 2],
    ['leading ;', '; say a', "bash: syntax error near unexpected token `;'\n", 2],
    ['leading |', '| say a', "bash: syntax error near unexpected token `|'\n", 2],
    ['double ;;', 'say a;; say b', "bash: syntax error near unexpected token `;;'\n", 2],
    ['&& then nothing', 'say a &&', 'bash: syntax error: unexpected end of file\n', 2],
    ['pipe then nothing', 'say a |', 'bash: syntax error: unexpected end of file\n', 2],
    ['&& &&', 'say a && && say b', "bash: syntax error near unexpected token `&&'\n", 2],
    ['stray )', 'say a )', "bash: syntax error near unexpected token `)'\n", 2],
    ['subshell', '(say a)', "bash: subshells '( ... )' are not supported in this lab\n", 2],
    ['background job', 'say a &', 'bash: background jobs (&) are not supported in this lab\n', 1],
    ['redirect to a file', 'say a > out.txt', 'bash: out.txt: redirection to files is not supported in this lab\n', 1],
    ['input redirection', 'say < in.txt', 'bash: input redirection is not supported in this lab\n', 1],
    ['arithmetic', 'say $((1+2))', 'bash: arithmetic expansion $((...)) is not supported in this lab\n', 1],
    ['bad substitution', 'say ${}', 'bash: ${}: bad substitution\n', 1],
  ])('%s', (_n, line, stderr, exitCode) => {
    const calls: string[][] = [];
    const r = runShell(line, makeExec(calls), {});
    expect(r).toEqual({ stdout: '', stderr, exitCode });
    if (exitCode === 2) expect(calls).toEqual([]);
    if (!line.includes('${}')) expect(checkShellSyntax(line)).toBe(stderr.trimEnd());
  });

  it('checkShellSyntax accepts good lines', () => {
    expect(checkShellSyntax('docker run -d --name a nginx && docker ps | grep a')).toBeNull();
  });
});

describe('runShell: limits', () => {
  it('rejects an over-long line', () => {
    const r = runShell('say ' + 'a'.repeat(100), makeExec(), { maxLength: 50 });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/input line too long/);
  });

  it('bounds substitution depth', () => {
    const deep = (n: number): string => (n === 0 ? 'echo x' : `echo $(${deep(n - 1)})`);
    expect(runShell(deep(3), makeExec(), { maxDepth: 3 }).stdout).toBe('x\n');
    const r = runShell(deep(4), makeExec(), { maxDepth: 3 });
    expect(r).toEqual({ stdout: '', stderr: 'bash: command substitution nested too deeply (more than 3 levels)\n', exitCode: 2 });
    const hostile = '$('.repeat(20000) + ')'.repeat(20000);
    expect(runShell(hostile, makeExec()).exitCode).toBe(2);
  });

  it('bounds output and argument size', () => {
    const big: ExecFn = () => ({ stdout: 'x'.repeat(5000), stderr: '', exitCode: 0 });
    const r = runShell('big; big', big, { maxOutput: 6000 });
    expect(r.stdout.length).toBe(6000);
    expect(r.stderr).toMatch(/output truncated/);
    const args = runShell('say $(big) $(big)', (argv) => (argv[0] === 'big' ? big(argv, '') : { stdout: 'ran', stderr: '', exitCode: 0 }), { maxOutput: 6000 });
    expect(args.exitCode).toBe(126);
  });

  it('a regex that backtracks exponentially elsewhere finishes quickly', () => {
    const start = performance.now();
    expect(run(`echo ${'a'.repeat(3000)}b | grep -cE "(a+)+$"`).stdout).toBe('0\n');
    expect(run(`echo ${'a'.repeat(3000)}b | grep -cE "(a+)+b$"`).stdout).toBe('1\n');
    const r2 = run(`echo ${'a'.repeat(3000)}! | grep -cE "^(a|aa)+$"`);
    expect(r2.stdout).toBe('0\n');
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('runShell: sudo', () => {
  it('runs the command as is', () => {
    expect(run('sudo say a').stdout).toBe('a\n');
    expect(run('sudo -E docker ps | sudo wc -l').stdout).toBe('2\n');
    expect(run('sudo').exitCode).toBe(1);
  });
});

describe('runShell: grep context and long options', () => {
  const INSPECT = '[\n  {\n    "Name": "dev",\n    "Containers": {\n      "abc": {\n        "Name": "web"\n      }\n    },\n    "Options": {}\n  }\n]\n';
  const exec: ExecFn = (argv) => (argv[0] === 'inspect' ? { stdout: INSPECT, stderr: '', exitCode: 0 } : { stdout: '', stderr: 'nope\n', exitCode: 127 });
  it.each<[string, string, string]>([
    ['-A', 'inspect | grep -A 2 Containers', '    "Containers": {\n      "abc": {\n        "Name": "web"\n'],
    ['-B', 'inspect | grep -B1 Options', '    },\n    "Options": {}\n'],
    ['-C with separator', 'inspect | grep -C 0 -e Name -e Options', '    "Name": "dev",\n--\n        "Name": "web"\n--\n    "Options": {}\n'],
    ['-n with context', 'inspect | grep -n -A1 \'"Name": "dev"\'', '3:    "Name": "dev",\n4-    "Containers": {\n'],
    ['long options', 'inspect | grep --ignore-case --count --color=auto NAME', '2\n'],
    ['--after-context=', 'inspect | grep --after-context=1 Options', '    "Options": {}\n  }\n'],
    ['-m', 'inspect | grep -m1 Name', '    "Name": "dev",\n'],
  ])('%s', (_n, line, stdout) => {
    expect(runShell(line, exec)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('rejects unknown long options', () => {
    expect(runShell('inspect | grep --frobnicate x', exec).exitCode).toBe(2);
  });
});
