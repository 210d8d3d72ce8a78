import { daemonErrorText, type CommandContext, type CommandDef, type Flags } from '../../types';
import { bool } from '../common';
import { containerFlags, ImagePullError, toContainerInput } from './options';
import { Controller, IMAGES, CnmError, writeLog } from '../../../cnm';

function create(ctx: CommandContext, f: Flags, args: string[]) {
  let input;
  try {
    input = toContainerInput(f, args);
  } catch (e) {
    if (e instanceof ImagePullError) {
      ctx.err.push(`Unable to find image '${e.repo}:${e.tag}' locally\n`);
      if (IMAGES.some((i) => i.name === e.repo))
        throw new CnmError('not-found', `manifest for ${e.repo}:${e.tag} not found: manifest unknown: manifest unknown`);
      throw new CnmError('not-found', `${e.message}: denied: requested access to the resource is denied`);
    }
    throw e;
  }
  const netIsHost = input.networks[0] === 'host';
  if (netIsHost && input.ports.length) ctx.err.push('WARNING: Published ports are discarded when using host network mode\n');
  if (netIsHost) input.ports = [];
  return ctx.ctl.createContainer(input);
}

/** docker create */
export const createCmd: CommandDef = {
  path: 'create',
  aliases: ['container create'],
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: { kind: 'min', n: 1 },
  interspersed: false,
  daemonErrorStyle: 'run',
  flags: containerFlags,
  run(ctx, f, args) {
    const c = create(ctx, f, args);
    ctx.out.push(c.id + '\n');
  },
};

/** docker run: create, start, and (in the foreground) run the command and print its output. */
export const run: CommandDef = {
  path: 'run',
  aliases: ['container run'],
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  args: { kind: 'min', n: 1 },
  interspersed: false,
  daemonErrorStyle: 'run',
  flags: containerFlags,
  run(ctx, f, args) {
    const c = create(ctx, f, args);
    const detach = bool(f, 'detach');
    const long = Controller.longRunning(c);
    // an attached run attaches before it starts (docker/cli run.go, daemon/attach.go)
    if (!detach) ctx.ctl.containerEvent(c, 'attach');
    if (!long && args.length > 1) {
      // Start it and run the command inside, like an attached `docker run IMAGE CMD`.
      const before = c.autoRemove;
      c.autoRemove = false;
      c.cmd = ['sleep', 'infinity'];
      try {
        ctx.ctl.startContainer(c);
      } finally {
        c.cmd = args.slice(1);
        c.autoRemove = before;
      }
      const r = ctx.execIn(ctx.ctl, c.id, args.slice(1));
      const missing = r.exitCode === 127 && /^OCI runtime exec failed: .*(exec: "[^"]*": executable file not found in \$PATH: unknown)/.exec(r.stderr);
      if (missing) {
        // the runtime cannot start the process: the start fails (exit 127) and nothing is printed for -d
        ctx.ctl.finish(c, 127);
        const msg = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${missing[1]}`;
        ctx.err.push(`docker: ${daemonErrorText(msg, "\n\nRun 'docker run --help' for more information\n")}`);
        ctx.exitCode = 127;
        return;
      }
      writeLog(c, ctx.world.state.clock, 1, r.stdout);
      writeLog(c, ctx.world.state.clock, 2, r.stderr);
      if (detach) ctx.out.push(c.id + '\n');
      else {
        ctx.out.push(r.stdout);
        ctx.err.push(r.stderr);
        ctx.exitCode = r.exitCode;
      }
      ctx.ctl.finish(c, r.exitCode);
      return;
    }
    ctx.ctl.startContainer(c);
    if (detach) ctx.out.push(c.id + '\n');
  },
};
