/** docker swarm init|join|join-token|leave */
import type { CommandDef } from '../../types';
import { bool, list, num, str } from '../common';
import { CnmError, isCidr6, parseCidr4 } from '../../../cnm';
import { CliError } from '../../types';

function joinText(role: 'worker' | 'manager', tok: string, addr: string): string {
  return `To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${tok} ${addr}:2377\n\n`;
}

export const init: CommandDef = {
  path: 'swarm init',
  use: 'swarm init [OPTIONS]',
  short: 'Initialize a swarm',
  args: { kind: 'none' },
  flags: [
    { long: 'advertise-addr', type: 'string' },
    { long: 'listen-addr', type: 'string', default: '0.0.0.0:2377' },
    { long: 'data-path-addr', type: 'string' },
    { long: 'data-path-port', type: 'uint' },
    { long: 'default-addr-pool', type: 'stringSlice', validate: (v) => (parseCidr4(v) || isCidr6(v) ? null : `invalid CIDR address: ${v}`) },
    { long: 'default-addr-pool-mask-length', type: 'uint', default: 24 },
    { long: 'force-new-cluster', type: 'bool' },
    { long: 'autolock', type: 'bool' },
    { long: 'availability', type: 'string', default: 'active' },
    { long: 'task-history-limit', type: 'int', default: 5 },
    { long: 'dispatcher-heartbeat', type: 'duration' },
    { long: 'cert-expiry', type: 'duration' },
  ],
  run(ctx, f) {
    const size = num(f, 'default-addr-pool-mask-length');
    const addrPools = list(f, 'default-addr-pool');
    // daemon/cluster/listen_addr.go validateDefaultAddrPool
    if (addrPools.length) {
      if (size > 29) throw new CnmError('bad-request', `subnet size is out of range: ${size}`);
      for (const p of addrPools) {
        const c = parseCidr4(p);
        if (c && size < c.bits) throw new CnmError('bad-request', `invalid CIDR: "${p}". Subnet size is too small for pool: ${size}`);
      }
    }
    const me = ctx.engine.swarmInit(ctx.node, str(f, 'advertise-addr') || undefined, { addrPools, subnetSize: size });
    const sw = ctx.engine.swarm()!;
    ctx.out.push(
      `Swarm initialized: current node (${me.id}) is now a manager.\n\n${joinText('worker', sw.workerToken, me.addr)}To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n\n`,
    );
  },
};

export const join: CommandDef = {
  path: 'swarm join',
  use: 'swarm join [OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'token', type: 'string' },
    { long: 'advertise-addr', type: 'string' },
    { long: 'listen-addr', type: 'string', default: '0.0.0.0:2377' },
    { long: 'data-path-addr', type: 'string' },
    { long: 'availability', type: 'string', default: 'active' },
  ],
  run(ctx, f, args) {
    const me = ctx.engine.swarmJoin(ctx.node, str(f, 'token'), args[0]);
    ctx.out.push(`This node joined a swarm as a ${me.role}.\n`);
  },
};

export const joinToken: CommandDef = {
  path: 'swarm join-token',
  use: 'swarm join-token [OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'quiet', short: 'q', type: 'bool' },
    { long: 'rotate', type: 'bool' },
  ],
  run(ctx, f, args) {
    const role = args[0];
    if (role !== 'worker' && role !== 'manager') throw new CliError('unknown role ' + role);
    const sw = ctx.engine.managerSwarm(ctx.node);
    if (bool(f, 'rotate')) {
      ctx.engine.rotateJoinToken(ctx.node, role);
      if (!bool(f, 'quiet')) ctx.out.push(`Successfully rotated ${role} join token.\n\n`);
    }
    const tok = role === 'worker' ? sw.workerToken : sw.managerToken;
    if (bool(f, 'quiet')) ctx.out.push(tok + '\n');
    else ctx.out.push(joinText(role, tok, ctx.ctl.node.addr));
  },
};

export const leave: CommandDef = {
  path: 'swarm leave',
  use: 'swarm leave [OPTIONS]',
  short: 'Leave the swarm',
  args: { kind: 'none' },
  flags: [{ long: 'force', short: 'f', type: 'bool' }],
  run(ctx, f) {
    ctx.engine.swarmLeave(ctx.node, bool(f, 'force'));
    ctx.out.push('Node left the swarm.\n');
  },
};

import { nodeCommands } from '../node';
export const swarmCommands: CommandDef[] = [init, join, joinToken, leave, ...nodeCommands];
