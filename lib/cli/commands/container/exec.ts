import type { CommandDef } from '../../types';
import { bool, str } from '../common';
import { CnmError, isoTime, readLog } from '../../../cnm';
import { CliError } from '../../types';
import { before, getTimestamp, parseTimestamps } from '../timestamp';

/** docker exec: run a program in a running container (the in-container tools live in lib/cli/exec). */
export const exec: CommandDef = {
  path: 'exec',
  aliases: ['container exec'],
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  args: { kind: 'min', n: 2 },
  interspersed: false,
  flags: [
    { long: 'detach', short: 'd', type: 'bool' },
    { long: 'interactive', short: 'i', type: 'bool' },
    { long: 'tty', short: 't', type: 'bool' },
    { long: 'env', short: 'e', type: 'stringArray' },
    { long: 'user', short: 'u', type: 'string' },
    { long: 'workdir', short: 'w', type: 'string' },
    { long: 'privileged', type: 'bool' },
    { long: 'detach-keys', type: 'string' },
    { long: 'env-file', type: 'stringArray' },
  ],
  run(ctx, f, args) {
    const c = ctx.ctl.findContainer(args[0]);
    if (c.status !== 'running') throw new CnmError('conflict', `container ${c.id} is not running`);
    if (c.paused) throw new CnmError('conflict', `Container ${c.id} is paused, unpause the container before exec`);
    const r = ctx.execIn(ctx.ctl, c.id, args.slice(1));
    if (bool(f, 'detach')) return;
    ctx.out.push(r.stdout);
    ctx.err.push(r.stderr);
    ctx.exitCode = r.exitCode;
  },
};

/**
 * docker logs (docker/cli container/logs.go, moby daemon/logs.go): what the container wrote, stdout
 * lines to stdout and stderr lines to stderr (all to stdout for a TTY container). --tail takes the
 * last N lines (anything not a number means all), --since/--until keep lines in that window,
 * -t prefixes each line with its RFC 3339 time. --follow would keep streaming: the lab prints what
 * there is and returns.
 */
export const logs: CommandDef = {
  path: 'logs',
  aliases: ['container logs'],
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'follow', short: 'f', type: 'bool' },
    { long: 'tail', short: 'n', type: 'string', default: 'all' },
    { long: 'timestamps', short: 't', type: 'bool' },
    { long: 'since', type: 'string' },
    { long: 'until', type: 'string' },
    { long: 'details', type: 'bool' },
  ],
  run(ctx, f, args) {
    const c = ctx.ctl.findContainer(args[0]);
    const now = ctx.world.state.clock;
    // client/container_logs.go: bad times are reported before the request
    const wrap = (flag: string, v: string) => {
      try {
        return v ? getTimestamp(v, now) : '';
      } catch (e) {
        throw new CliError(`invalid value for "${flag}": ${(e as Error).message}`);
      }
    };
    const sinceForm = wrap('since', str(f, 'since'));
    const untilForm = wrap('until', str(f, 'until'));
    const since = sinceForm ? parseTimestamps(sinceForm) : null;
    const until = untilForm && untilForm !== '0' ? parseTimestamps(untilForm) : null;
    const n = /^[+-]?\d+$/.test(str(f, 'tail').trim()) ? Number(str(f, 'tail').trim()) : -1;
    let lines = readLog(c);
    if (n >= 0) lines = n === 0 ? [] : lines.slice(-n);
    const stamp = bool(f, 'timestamps');
    let out = '';
    let err = '';
    for (const [t, ns, stream, text] of lines) {
      const at = { sec: t, ns };
      if (since && before(at, since)) continue;
      if (until && before(until, at)) break;
      const line = `${stamp ? isoTime(t, ns) + ' ' : ''}${text}\n`;
      if (stream === 2 && !c.tty) err += line;
      else out += line;
    }
    ctx.out.push(out);
    ctx.err.push(err);
  },
};
