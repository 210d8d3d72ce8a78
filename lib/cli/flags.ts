/**
 * Command-line flag parsing the way Docker's CLI does it: spf13/cobra on top of spf13/pflag.
 *
 * Lifecycle: a subcommand declares its flags as a `FlagSpec[]`, calls `parseFlags(argv, spec, cmdPath)` to get an
 * options record plus the positional arguments, then checks the positional count with one of the `require*` helpers.
 * Every failure is a `UsageError` whose `message` is the exact pflag (or docker/cli `cli/required.go`) wording;
 * `formatUsageError` adds Docker's "Usage:" / "Run '... --help'" tail for stderr.
 *
 * Facts followed (pflag as vendored by docker/cli):
 * - `--flag=value`, `--flag value`; bool flags never consume the next word (`--flag=false` sets false).
 * - `-f value`, `-fvalue`, `-f=value`; shorthand groups `-dit`, and a group may end in a value flag (`-dp 80:80`).
 * - `--` ends flag parsing; a lone `-` and every other word are positional, interspersed anywhere (cobra default).
 * - Repeated flags: string/int/bool: last wins; stringArray/stringSlice/map accumulate.
 * - Errors: `unknown flag: --foo`, `unknown shorthand flag: 'x' in -x`, `flag needs an argument: --subnet`,
 *   `flag needs an argument: 'd' in -d`, `bad flag syntax: ---x`,
 *   `invalid argument "abc" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "abc": invalid syntax`.
 * - cobra adds `-h, --help` (the shorthand only when no other flag uses `h`); it is reported as `flags.help`.
 */

/** The value types pflag and docker's opts package give flags. */
export type FlagType = 'bool' | 'string' | 'stringArray' | 'stringSlice' | 'int' | 'uint' | 'duration' | 'map';

/** A parsed flag value: bool -> boolean, string -> string, stringArray/stringSlice -> string[], int/uint -> number,
 * duration -> nanoseconds (number, as Go's time.Duration), map -> Record<string, string>. */
export type FlagValue = boolean | string | string[] | number | Record<string, string>;

/** One flag of a command. */
export type FlagSpec = {
  /** Long name without dashes; the key in the parse result. */
  long: string;
  /** One-letter shorthand without the dash. */
  short?: string;
  type: FlagType;
  /** Value when the flag is absent (defaults to false, '', [], 0 or {} by type). */
  default?: FlagValue;
  /** Hidden from help; parsing is unaffected. */
  hidden?: boolean;
  /** When set, using the flag adds pflag's "Flag --x has been deprecated, <text>" warning. */
  deprecated?: string;
  /** Other long names that set the same flag (docker's hidden `--net` for `--network`). */
  aliases?: string[];
  /** Extra check of each raw value; return the error cause text (as Go's error string) to reject it. */
  validate?: (value: string) => string | null | undefined;
};

/** The parse result. */
export type ParsedFlags = {
  /** Every declared flag by long name (defaults filled in), plus `help` when the command did not declare one. */
  flags: Record<string, FlagValue>;
  /** Positional arguments in order. */
  args: string[];
  /** Long names of the flags that appeared on the command line (pflag's `Changed`). */
  changed: string[];
  /** Deprecation warnings, each one line as pflag prints them to stderr. */
  warnings: string[];
};

/** A command-line usage error: wrong flags or argument count. Docker exits 125 for flag errors, 1 for arg counts. */
export class UsageError extends Error {
  readonly kind = 'usage' as const;
  override readonly name = 'UsageError';
  /** The command path, e.g. `docker network create`. */
  readonly command: string;
  /** Exit code Docker uses for this error. */
  readonly exitCode: number;
  constructor(message: string, command: string, exitCode = 125) {
    super(message);
    this.command = command;
    this.exitCode = exitCode;
  }
}

/** Go's strconv.Quote for the characters that matter here (ASCII printable kept, the rest escaped). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** Go's %q of a rune: 'x'. */
function quoteRune(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '\\') return "'\\\\'";
  const q = goQuote(ch);
  return "'" + q.slice(1, -1).replace(/\\"/g, '"') + "'";
}

const ZERO: Record<FlagType, () => FlagValue> = {
  bool: () => false,
  string: () => '',
  stringArray: () => [],
  stringSlice: () => [],
  int: () => 0,
  uint: () => 0,
  duration: () => 0,
  map: () => ({}),
};

function cloneValue(v: FlagValue): FlagValue {
  if (Array.isArray(v)) return [...v];
  if (typeof v === 'object') return { ...v };
  return v;
}

/** Go strconv.ParseBool. */
export function parseGoBool(s: string): boolean | null {
  if (GO_TRUE.has(s)) return true;
  if (GO_FALSE.has(s)) return false;
  return null;
}
const GO_TRUE: ReadonlySet<string> = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE: ReadonlySet<string> = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go strconv.ParseInt/ParseUint with base 0: returns the number or the Go error text. */
export function parseGoInt(s: string, unsigned: boolean): number | string {
  const fn = unsigned ? 'strconv.ParseUint' : 'strconv.ParseInt';
  const syntax = `${fn}: parsing ${goQuote(s)}: invalid syntax`;
  const range = `${fn}: parsing ${goQuote(s)}: value out of range`;
  let body = s;
  let neg = false;
  if (!unsigned && (body.startsWith('+') || body.startsWith('-'))) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  if (body === '') return syntax;
  let base = 10;
  let digits = body;
  let prefixed = false;
  if (/^0[xX]/.test(body)) [base, digits, prefixed] = [16, body.slice(2), true];
  else if (/^0[bB]/.test(body)) [base, digits, prefixed] = [2, body.slice(2), true];
  else if (/^0[oO]/.test(body)) [base, digits, prefixed] = [8, body.slice(2), true];
  else if (body.length > 1 && body[0] === '0') [base, digits, prefixed] = [8, body.slice(1), true];
  // Base 0 allows Go literal underscores: between digits, or right after a base prefix.
  if (digits.includes('_')) {
    if (!(prefixed ? /^_?[^_]+(_[^_]+)*$/ : /^[^_]+(_[^_]+)*$/).test(digits)) return syntax;
    digits = digits.replace(/_/g, '');
  }
  if (digits === '') return syntax;
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return syntax;
  let big = BigInt(0);
  const b = BigInt(base);
  for (const d of digits) big = big * b + BigInt(parseInt(d, base));
  if (neg) big = -big;
  const max = unsigned ? (BigInt(1) << BigInt(64)) - BigInt(1) : (BigInt(1) << BigInt(63)) - BigInt(1);
  const min = unsigned ? BigInt(0) : -(BigInt(1) << BigInt(63));
  if (big > max || big < min) return range;
  return Number(big);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go time.ParseDuration: nanoseconds, or the Go error text. */
export function parseGoDuration(orig: string): number | string {
  const invalid = `time: invalid duration ${goQuote(orig)}`;
  let s = orig;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*)(\.([0-9]*))?/.exec(s)!;
    const intPart = m[1];
    const frac = m[3];
    if (intPart === '' && (frac === undefined || frac === '')) return invalid;
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)![0];
    if (u === '') return `time: missing unit in duration ${goQuote(orig)}`;
    const unit = DURATION_UNITS[u];
    if (unit === undefined) return `time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`;
    s = s.slice(u.length);
    const value = Number(`${intPart || '0'}.${frac || '0'}`);
    total += value * unit;
    if (total > 9223372036854775807) return invalid;
  }
  return neg ? -Math.round(total) : Math.round(total);
}

/** Go encoding/csv reading of one record, as pflag's stringSlice does (quotes allowed, comma separated). */
function readCsvRecord(value: string): string[] | string {
  if (value === '') return [];
  const out: string[] = [];
  let i = 0;
  while (i <= value.length) {
    if (value[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        if (i >= value.length) return `parse error on line 1, column ${value.length + 1}: extraneous or missing " in quoted-field`;
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ',') return `parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`;
      out.push(field);
      i++;
    } else {
      const end = value.indexOf(',', i);
      const field = end < 0 ? value.slice(i) : value.slice(i, end);
      if (field.includes('"')) return `parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`;
      out.push(field);
      if (end < 0) break;
      i = end + 1;
    }
  }
  return out;
}

/** Which long names (aliases included) and shorthands of a flag set take a value. */
export type TakesTable = { long: Map<string, boolean>; short: Map<string, boolean> };
const TAKES = new WeakMap<FlagSpec[], TakesTable>();

/** The value-taking table of a flag set, made once per set (specs are module constants). */
export function takesTable(spec: FlagSpec[]): TakesTable {
  let t = TAKES.get(spec);
  if (!t) {
    t = { long: new Map(), short: new Map() };
    // First declaration wins.
    for (const x of spec) {
      for (const n of [x.long, ...(x.aliases ?? [])]) if (!t.long.has(n)) t.long.set(n, x.type !== 'bool');
      if (x.short && !t.short.has(x.short)) t.short.set(x.short, x.type !== 'bool');
    }
    TAKES.set(spec, t);
  }
  return t;
}

type Resolved = { spec: FlagSpec; name: string };
type Compiled = {
  byLong: Map<string, Resolved>;
  byShort: Map<string, Resolved>;
  /** Every flag's default (and `help: false` when implicit), in spec order: copied per parse. */
  defaults: Record<string, FlagValue>;
  /** The same plus a `__changed` slot: the record a docker command receives. */
  commandDefaults: Record<string, FlagValue>;
  /** Flags whose default is an array or a map: each parse gets its own copy. */
  mutable: string[];
};

/**
 * Lookup tables per flag set. Specs are module constants of the command files, so each is compiled once; the
 * WeakMap holds no lab state and cannot change results.
 */
const COMPILED = new WeakMap<FlagSpec[], Compiled>();

function compile(spec: FlagSpec[]): Compiled {
  const cached = COMPILED.get(spec);
  if (cached) return cached;
  const byLong = new Map<string, Resolved>();
  const byShort = new Map<string, Resolved>();
  for (const s of spec) {
    byLong.set(s.long, { spec: s, name: s.long });
    for (const a of s.aliases ?? []) byLong.set(a, { spec: { ...s, short: undefined }, name: a });
    if (s.short) byShort.set(s.short, { spec: s, name: s.long });
  }
  const implicitHelp = !byLong.has('help');
  if (implicitHelp) {
    const help: FlagSpec = { long: 'help', type: 'bool', ...(byShort.has('h') ? {} : { short: 'h' }) };
    byLong.set('help', { spec: help, name: 'help' });
    if (help.short) byShort.set('h', { spec: help, name: 'help' });
  }
  const entries: [string, FlagValue][] = [];
  const mutable: string[] = [];
  for (const s of spec) {
    const v = s.default ?? ZERO[s.type]();
    entries.push([s.long, typeof v === 'object' ? (Object.freeze(cloneValue(v)) as FlagValue) : v]);
    if (typeof v === 'object') mutable.push(s.long);
  }
  if (implicitHelp) entries.push(['help', false]);
  // fromEntries makes an object with fast properties, which `{ ...defaults }` copies in one step
  // (a record built by keyed stores is a dictionary object and copies slowly, key by key).
  // Adding a key to such a copy is slow again, hence a second template with the `__changed` slot.
  const defaults = Object.fromEntries(entries);
  const commandDefaults = Object.fromEntries([...entries, ['__changed', false]]);
  const compiled = { byLong, byShort, defaults, commandDefaults, mutable };
  COMPILED.set(spec, compiled);
  return compiled;
}

type ParseState = { cmd: string; flags: Record<string, FlagValue>; changed: string[]; warnings: string[] };

function fail(st: ParseState, message: string): never {
  throw new UsageError(message, st.cmd, 125);
}

function invalidValue(st: ParseState, r: Resolved, value: string, cause: string): never {
  const s = r.spec;
  const flagName = s.short ? `-${s.short}, --${r.name}` : `--${r.name}`;
  return fail(st, `invalid argument ${goQuote(value)} for ${goQuote(flagName)} flag: ${cause}`);
}

/** pflag's Flag.Value.Set for our types. */
function setFlag(st: ParseState, r: Resolved, value: string): void {
  const s = r.spec;
  const flags = st.flags;
  if (s.validate) {
    const problem = s.validate(value);
    if (problem) invalidValue(st, r, value, problem);
  }
  const first = !st.changed.includes(s.long);
  if (first) st.changed.push(s.long);
  if (s.deprecated !== undefined) st.warnings.push(`Flag --${r.name} has been deprecated, ${s.deprecated}`);
  switch (s.type) {
    case 'bool': {
      const b = parseGoBool(value);
      if (b === null) return invalidValue(st, r, value, `strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
      flags[s.long] = b;
      return;
    }
    case 'string':
      flags[s.long] = value;
      return;
    case 'stringArray':
      // The first use replaces the default, later ones append (pflag's stringArray).
      flags[s.long] = first ? [value] : [...(flags[s.long] as string[]), value];
      return;
    case 'stringSlice': {
      const rec = readCsvRecord(value);
      if (typeof rec === 'string') return invalidValue(st, r, value, rec);
      flags[s.long] = first ? rec : [...(flags[s.long] as string[]), ...rec];
      return;
    }
    case 'int':
    case 'uint': {
      const n = parseGoInt(value, s.type === 'uint');
      if (typeof n === 'string') return invalidValue(st, r, value, n);
      flags[s.long] = n;
      return;
    }
    case 'duration': {
      const d = parseGoDuration(value);
      if (typeof d === 'string') return invalidValue(st, r, value, d);
      flags[s.long] = d;
      return;
    }
    case 'map': {
      const eq = value.indexOf('=');
      const prev = first ? {} : (flags[s.long] as Record<string, string>);
      flags[s.long] = { ...prev, [eq < 0 ? value : value.slice(0, eq)]: eq < 0 ? '' : value.slice(eq + 1) };
      return;
    }
    default: {
      const never: never = s.type;
      throw new Error(`unknown flag type ${String(never)}`);
    }
  }
}

/**
 * Parses a command's arguments (everything after the command path) like cobra/pflag.
 * @param args the words after the command name, e.g. `['-d', 'overlay', 'net1']`
 * @param spec the command's flags
 * @param cmd the command path used in error messages, e.g. `docker network create`
 * @returns flags keyed by long name (defaults filled in), positional args, changed names and warnings
 * @throws UsageError with pflag's wording (exit code 125)
 */
export function parseFlags(args: string[], spec: FlagSpec[], cmd: string): ParsedFlags {
  return parse(args, spec, cmd, false);
}

/**
 * parseFlags for a docker command: the flags record also carries `__changed` (the changed names), which is what
 * commands read through `changed(f, name)`.
 */
export function parseCommandFlags(args: string[], spec: FlagSpec[], cmd: string): ParsedFlags {
  const parsed = parse(args, spec, cmd, true);
  parsed.flags.__changed = parsed.changed;
  return parsed;
}

function parse(args: string[], spec: FlagSpec[], cmd: string, command: boolean): ParsedFlags {
  const { byLong, byShort, defaults, commandDefaults, mutable } = compile(spec);
  const flags: Record<string, FlagValue> = command ? { ...commandDefaults } : { ...defaults };
  for (const k of mutable) flags[k] = cloneValue(defaults[k]);
  const positional: string[] = [];
  const st: ParseState = { cmd, flags, changed: [], warnings: [] };
  let i = 0;
  while (i < args.length) {
    const s = args[i++];
    if (s.length < 2 || s[0] !== '-') {
      positional.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        // "--" ends the flags.
        for (; i < args.length; i++) positional.push(args[i]);
        break;
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') fail(st, `bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const r = byLong.get(name);
      if (!r) return fail(st, `unknown flag: --${name}`);
      if (eq >= 0) setFlag(st, r, body.slice(eq + 1));
      else if (r.spec.type === 'bool') setFlag(st, r, 'true');
      else if (i < args.length) setFlag(st, r, args[i++]);
      else fail(st, `flag needs an argument: --${name}`);
      continue;
    }
    // Shorthand group: bools take no value; a value flag takes the rest of the group or the next word.
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = String.fromCodePoint(shorthands.codePointAt(0)!);
      const r = byShort.get(c);
      if (!r) return fail(st, `unknown shorthand flag: ${quoteRune(c)} in -${shorthands}`);
      const after = shorthands.slice(c.length);
      if (after.length > 0 && after[0] === '=') {
        setFlag(st, r, after.slice(1));
        shorthands = '';
      } else if (r.spec.type === 'bool') {
        setFlag(st, r, 'true');
        shorthands = after;
      } else if (after.length > 0) {
        setFlag(st, r, after);
        shorthands = '';
      } else if (i < args.length) {
        setFlag(st, r, args[i++]);
        shorthands = '';
      } else fail(st, `flag needs an argument: ${quoteRune(c)} in -${shorthands}`);
    }
  }
  return { flags, args: positional, changed: st.changed, warnings: st.warnings };
}

/**
 * Docker's stderr text for a flag error (cli.FlagErrorFunc):
 * `<error>\n\nUsage:  <useLine>\n\nRun '<cmd> --help' for more information`.
 * @param err the usage error
 * @param useLine the command's usage line, e.g. `docker network create [OPTIONS] NETWORK`
 */
export function formatUsageError(err: UsageError, useLine: string): string {
  return `${err.message}\n\nUsage:  ${useLine}\n\nRun '${err.command} --help' for more information`;
}

function pluralize(word: string, n: number): string {
  return n === 1 ? word : word + 's';
}

function argError(cmd: string, useLine: string, text: string, verb: 'Run' | 'See' = 'Run'): UsageError {
  return new UsageError(
    `docker: '${cmd}' ${text}\n\nUsage:  ${useLine}\n\n${verb} '${cmd} --help' for more information`,
    cmd,
    1,
  );
}

/**
 * Positional argument checks with docker/cli `cli/required.go` wording (the whole stderr text is the message;
 * Docker exits 1 for these, not 125).
 * @param cmd command path, e.g. `docker network create`
 * @param useLine usage line, e.g. `docker network create [OPTIONS] NETWORK`
 * @throws UsageError (exitCode 1) when the count is wrong
 */
export function requireExactArgs(args: string[], n: number, cmd: string, useLine: string): void {
  if (args.length !== n) throw argError(cmd, useLine, `requires ${n} ${pluralize('argument', n)}`);
}

/** At least `min` positional arguments (`cli.RequiresMinArgs`). */
export function requireMinArgs(args: string[], min: number, cmd: string, useLine: string): void {
  if (args.length < min) throw argError(cmd, useLine, `requires at least ${min} ${pluralize('argument', min)}`, 'See');
}

/** At most `max` positional arguments (`cli.RequiresMaxArgs`). */
export function requireMaxArgs(args: string[], max: number, cmd: string, useLine: string): void {
  if (args.length > max) throw argError(cmd, useLine, `requires at most ${max} ${pluralize('argument', max)}`);
}

/** Between `min` and `max` positional arguments (`cli.RequiresRangeArgs`). */
export function requireRangeArgs(args: string[], min: number, max: number, cmd: string, useLine: string): void {
  if (args.length < min || args.length > max) {
    throw argError(cmd, useLine, `requires at least ${min} and at most ${max} ${pluralize('argument', max)}`);
  }
}

/** No positional arguments (`cli.NoArgs`, for a command without subcommands). */
export function requireNoArgs(args: string[], cmd: string, useLine: string): void {
  if (args.length > 0) throw argError(cmd, useLine, `accepts no arguments`);
}

/** `cli.NoArgs` for a command group (e.g. `docker network foo`): "unknown command". */
export function unknownSubcommand(cmd: string, arg: string, useLine: string): UsageError {
  return new UsageError(
    `docker: unknown command: ${cmd} ${arg}\n\nUsage:  ${useLine}\n\nRun '${cmd} --help' for more information`,
    cmd,
    1,
  );
}
