import type { CommandDef } from '../../types';
import { str } from '../common';
import { formatInspect } from '../../format/formatter';

/** docker container inspect */
export const containerInspectCmd: CommandDef = {
  path: 'container inspect',
  use: 'container inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'format', short: 'f', type: 'string' },
    { long: 'size', short: 's', type: 'bool' },
  ],
  run(ctx, f, args) {
    const found: unknown[] = [];
    const errs: string[] = [];
    for (const a of args) {
      const c = ctx.ctl.tryContainer(a);
      if (c) found.push(ctx.engine.inspectContainer(ctx.node, c));
      else errs.push(`Error: No such container: ${a}\n`);
    }
    if (found.length || !str(f, 'format')) ctx.out.push(formatInspect(found, str(f, 'format')));
    if (errs.length) {
      ctx.err.push(errs.join(''));
      ctx.exitCode = 1;
    }
  },
};

/** docker inspect: any object type (container, network, service, node). */
export const inspectAny: CommandDef = {
  path: 'inspect',
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'format', short: 'f', type: 'string' },
    { long: 'size', short: 's', type: 'bool' },
    { long: 'type', type: 'string' },
  ],
  run(ctx, f, args) {
    const type = str(f, 'type');
    const found: unknown[] = [];
    const errs: string[] = [];
    for (const a of args) {
      let obj: unknown = null;
      if (!type || type === 'container') {
        const c = ctx.ctl.tryContainer(a);
        if (c) obj = ctx.engine.inspectContainer(ctx.node, c);
      }
      if (!obj && (!type || type === 'network')) {
        const n = ctx.ctl.tryNetwork(a);
        if (n) obj = ctx.engine.inspectNetwork(ctx.node, n);
      }
      if (!obj && (!type || type === 'service') && ctx.ctl.isManager()) obj = ctx.engine.inspectService(ctx.node, a);
      if (!obj && (!type || type === 'node') && ctx.ctl.isManager()) obj = ctx.engine.inspectNode(ctx.node, a);
      if (obj) found.push(obj);
      else errs.push(`Error: No such object: ${a}\n`);
    }
    if (found.length || !str(f, 'format')) ctx.out.push(formatInspect(found, str(f, 'format')));
    if (errs.length) {
      ctx.err.push(errs.join(''));
      ctx.exitCode = 1;
    }
  },
};
