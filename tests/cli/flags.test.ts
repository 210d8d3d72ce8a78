import {
  formatUsageError,
  parseFlags,
  parseGoDuration,
  parseGoInt,
  requireExactArgs,
  requireMaxArgs,
  requireMinArgs,
  requireNoArgs,
  requireRangeArgs,
  UsageError,
  type FlagSpec,
} from '@/lib/cli/flags';

// A flag set shaped like `docker network create` plus `docker run` bits.
const SPEC: FlagSpec[] = [
  { long: 'driver', short: 'd', type: 'string', default: 'bridge' },
  { long: 'opt', short: 'o', type: 'map' },
  { long: 'label', type: 'stringArray' },
  { long: 'subnet', type: 'stringSlice' },
  { long: 'internal', type: 'bool' },
  { long: 'ipv4', type: 'bool', default: true },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
  { long: 'detach', type: 'bool' },
  { long: 'publish', short: 'p', type: 'stringArray' },
  { long: 'network', type: 'string', aliases: ['net'] },
  { long: 'network-alias', type: 'stringArray', aliases: ['net-alias'] },
  { long: 'cpu-shares', short: 'c', type: 'int' },
  { long: 'memory-swappiness', type: 'uint' },
  { long: 'stop-timeout', type: 'duration' },
  { long: 'link-local-ip', type: 'stringArray', deprecated: 'use --ip instead' },
];
const CMD = 'docker network create';

describe('parseFlags: accepted syntax', () => {
  it.each<[string, string[], Record<string, unknown>, string[]]>([
    // long forms
    ['--flag=value', ['--driver=overlay', 'n'], { driver: 'overlay' }, ['n']],
    ['--flag value', ['--driver', 'overlay', 'n'], { driver: 'overlay' }, ['n']],
    ['--flag= (empty value)', ['--driver=', 'n'], { driver: '' }, ['n']],
    ['value containing =', ['-o', 'a=b=c'], { opt: { a: 'b=c' } }, []],
    // short forms
    ['-d value', ['-d', 'overlay'], { driver: 'overlay' }, []],
    ['-dvalue', ['-doverlay'], { driver: 'overlay' }, []],
    ['-d=value', ['-d=overlay'], { driver: 'overlay' }, []],
    ['combined bools', ['-it'], { interactive: true, tty: true }, []],
    ['combined bools ending in a value flag', ['-itp', '80:80'], { interactive: true, tty: true, publish: ['80:80'] }, []],
    ['combined bools with attached value', ['-itp80:80'], { publish: ['80:80'], tty: true }, []],
    ['short bool =false', ['-i=false'], { interactive: false }, []],
    // bools
    ['bare bool', ['--internal'], { internal: true }, []],
    ['bool does not eat the next word', ['--internal', 'net1'], { internal: true }, ['net1']],
    ['--bool=false', ['--ipv4=false'], { ipv4: false }, []],
    ['--bool=0 / T', ['--ipv4=0', '--internal=T'], { ipv4: false, internal: true }, []],
    // repetition
    ['stringArray accumulates', ['--label', 'a=1', '--label=b'], { label: ['a=1', 'b'] }, []],
    ['string: last wins', ['-d', 'a', '--driver', 'b'], { driver: 'b' }, []],
    ['stringSlice splits on commas', ['--subnet', '10.0.0.0/24,10.1.0.0/24', '--subnet=10.2.0.0/24'], { subnet: ['10.0.0.0/24', '10.1.0.0/24', '10.2.0.0/24'] }, []],
    ['map accumulates, key without value', ['-o', 'mtu=1400', '--opt', 'flag'], { opt: { mtu: '1400', flag: '' } }, []],
    // numbers
    ['int', ['-c', '512'], { 'cpu-shares': 512 }, []],
    ['int hex and negative', ['--cpu-shares=0x10'], { 'cpu-shares': 16 }, []],
    ['negative int value', ['--cpu-shares', '-5'], { 'cpu-shares': -5 }, []],
    ['uint', ['--memory-swappiness', '60'], { 'memory-swappiness': 60 }, []],
    ['duration', ['--stop-timeout', '1m30s'], { 'stop-timeout': 90e9 }, []],
    // aliases
    ['--net alias', ['--net', 'mynet'], { network: 'mynet' }, []],
    ['--net-alias alias', ['--net-alias=db', '--network-alias', 'x'], { 'network-alias': ['db', 'x'] }, []],
    // positionals
    ['interspersed positionals', ['a', '-d', 'x', 'b'], { driver: 'x' }, ['a', 'b']],
    ['-- ends flags', ['--', '-d', 'x'], { driver: 'bridge' }, ['-d', 'x']],
    ['lone - is positional', ['-', 'x'], {}, ['-', 'x']],
    ['empty word is positional', ['', 'x'], {}, ['', 'x']],
    ['defaults', [], { driver: 'bridge', ipv4: true, internal: false, label: [], opt: {}, 'cpu-shares': 0, help: false }, []],
    ['--help', ['--help'], { help: true }, []],
    ['-h', ['-h'], { help: true }, []],
  ])('%s', (_name, argv, expected, positional) => {
    const r = parseFlags(argv, SPEC, CMD);
    for (const [k, v] of Object.entries(expected)) expect(r.flags[k]).toEqual(v);
    expect(r.args).toEqual(positional);
  });

  it('reports changed flags and deprecation warnings like pflag', () => {
    const r = parseFlags(['--link-local-ip', 'x', '-d', 'overlay'], SPEC, CMD);
    expect(r.changed).toEqual(['link-local-ip', 'driver']);
    expect(r.warnings).toEqual(['Flag --link-local-ip has been deprecated, use --ip instead']);
  });

  it('does not share default arrays between parses', () => {
    const a = parseFlags(['--label', 'x'], SPEC, CMD);
    const b = parseFlags([], SPEC, CMD);
    expect(a.flags.label).toEqual(['x']);
    expect(b.flags.label).toEqual([]);
  });

  it('leaves -h to a command that uses it as a shorthand', () => {
    const r = parseFlags(['-h', 'box'], [{ long: 'hostname', short: 'h', type: 'string' }], 'docker run');
    expect(r.flags.hostname).toBe('box');
    expect(r.flags.help).toBe(false);
    expect(parseFlags(['--help'], [{ long: 'hostname', short: 'h', type: 'string' }], 'docker run').flags.help).toBe(true);
  });
});

describe('parseFlags: errors have pflag wording and exit 125', () => {
  it.each<[string, string[], string]>([
    ['unknown long flag', ['--foo'], 'unknown flag: --foo'],
    ['unknown long flag with value', ['--foo=bar'], 'unknown flag: --foo'],
    ['unknown shorthand', ['-x'], "unknown shorthand flag: 'x' in -x"],
    ['unknown shorthand inside a group', ['-ix'], "unknown shorthand flag: 'x' in -x"],
    ['missing value (long)', ['--subnet'], 'flag needs an argument: --subnet'],
    ['missing value (short)', ['-d'], "flag needs an argument: 'd' in -d"],
    ['missing value at end of group', ['-itp'], "flag needs an argument: 'p' in -p"],
    ['bad int', ['--cpu-shares', 'abc'], 'invalid argument "abc" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    ['int out of range', ['-c', '99999999999999999999'], 'invalid argument "99999999999999999999" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range'],
    ['negative uint', ['--memory-swappiness=-1'], 'invalid argument "-1" for "--memory-swappiness" flag: strconv.ParseUint: parsing "-1": invalid syntax'],
    ['bad bool', ['--internal=yes'], 'invalid argument "yes" for "--internal" flag: strconv.ParseBool: parsing "yes": invalid syntax'],
    ['bad duration', ['--stop-timeout', 'soon'], 'invalid argument "soon" for "--stop-timeout" flag: time: invalid duration "soon"'],
    ['duration without unit', ['--stop-timeout', '10'], 'invalid argument "10" for "--stop-timeout" flag: time: missing unit in duration "10"'],
    ['duration with unknown unit', ['--stop-timeout', '10x'], 'invalid argument "10x" for "--stop-timeout" flag: time: unknown unit "x" in duration "10x"'],
    ['bad flag syntax ---', ['---x'], 'bad flag syntax: ---x'],
    ['bad flag syntax --=', ['--=x'], 'bad flag syntax: --=x'],
  ])('%s', (_name, argv, message) => {
    let err: unknown;
    try {
      parseFlags(argv, SPEC, CMD);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    const u = err as UsageError;
    expect(u.message).toBe(message);
    expect(u.kind).toBe('usage');
    expect(u.exitCode).toBe(125);
    expect(u.command).toBe(CMD);
  });

  it('formats docker stderr for a flag error', () => {
    const err = new UsageError('unknown flag: --foo', CMD);
    expect(formatUsageError(err, 'docker network create [OPTIONS] NETWORK')).toBe(
      "unknown flag: --foo\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information",
    );
  });

  it('applies a validator with the invalid-argument wording', () => {
    const spec: FlagSpec[] = [{ long: 'gateway', type: 'stringSlice', validate: (v) => (/^\d+\.\d+\.\d+\.\d+$/.test(v) ? null : `invalid string being converted to IP address: ${v}`) }];
    expect(() => parseFlags(['--gateway', 'nope'], spec, CMD)).toThrow('invalid argument "nope" for "--gateway" flag: invalid string being converted to IP address: nope');
  });
});

describe('Go number parsing', () => {
  it.each<[string, number | string]>([
    ['0', 0], ['10', 10], ['-10', -10], ['+7', 7], ['0x1f', 31], ['0o17', 15], ['017', 15], ['0b101', 5], ['1_000', 1000], ['1__0', 'strconv.ParseInt: parsing "1__0": invalid syntax'], ['_1', 'strconv.ParseInt: parsing "_1": invalid syntax'],
    ['0x_1F', 31], ['08', 'strconv.ParseInt: parsing "08": invalid syntax'], ['', 'strconv.ParseInt: parsing "": invalid syntax'], ['1e3', 'strconv.ParseInt: parsing "1e3": invalid syntax'],
  ])('ParseInt(%j)', (input, want) => {
    expect(parseGoInt(input, false)).toBe(want);
  });

  it.each<[string, number | string]>([
    ['1h', 3600e9], ['1.5s', 1.5e9], ['300ms', 300e6], ['-2m', -120e9], ['1h2m3s4ms5us6ns', 3723004005006], ['0', 0], ['.5s', 0.5e9],
    ['', 'time: invalid duration ""'], ['1', 'time: missing unit in duration "1"'], ['1d', 'time: unknown unit "d" in duration "1d"'], ['.s', 'time: invalid duration ".s"'],
  ])('ParseDuration(%j)', (input, want) => {
    expect(parseGoDuration(input)).toBe(want);
  });
});

describe('positional argument checks use docker/cli wording (exit 1)', () => {
  const use = 'docker network create [OPTIONS] NETWORK';
  it.each<[string, () => void, string]>([
    ['exact', () => requireExactArgs([], 1, 'docker network create', use), "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information"],
    ['exact plural', () => requireExactArgs(['a'], 2, 'docker network connect', 'docker network connect [OPTIONS] NETWORK CONTAINER'), "docker: 'docker network connect' requires 2 arguments\n\nUsage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nRun 'docker network connect --help' for more information"],
    ['min', () => requireMinArgs([], 1, 'docker network rm', 'docker network rm NETWORK [NETWORK...]'), "docker: 'docker network rm' requires at least 1 argument\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\nSee 'docker network rm --help' for more information"],
    ['max', () => requireMaxArgs(['a', 'b'], 1, 'docker port', 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]'), "docker: 'docker port' requires at most 1 argument\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information"],
    ['range', () => requireRangeArgs([], 1, 2, 'docker port', 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]'), "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information"],
    ['none', () => requireNoArgs(['x'], 'docker network prune', 'docker network prune [OPTIONS]'), "docker: 'docker network prune' accepts no arguments\n\nUsage:  docker network prune [OPTIONS]\n\nRun 'docker network prune --help' for more information"],
  ])('%s', (_name, fn, message) => {
    expect(fn).toThrow(UsageError);
    try {
      fn();
    } catch (e) {
      expect((e as UsageError).message).toBe(message);
      expect((e as UsageError).exitCode).toBe(1);
    }
  });

  it('passes when the count is right', () => {
    expect(() => requireExactArgs(['a'], 1, 'x', 'x')).not.toThrow();
    expect(() => requireMinArgs(['a', 'b'], 1, 'x', 'x')).not.toThrow();
    expect(() => requireRangeArgs(['a'], 1, 2, 'x', 'x')).not.toThrow();
    expect(() => requireNoArgs([], 'x', 'x')).not.toThrow();
  });
});
