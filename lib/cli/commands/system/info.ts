import type { CommandDef } from '../../types';
import { str } from '../common';
import { formatInspect } from '../../format/formatter';

/** docker info: the networking-relevant parts. */
export const info: CommandDef = {
  path: 'info',
  aliases: ['system info'],
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  args: { kind: 'none' },
  flags: [{ long: 'format', short: 'f', type: 'string' }],
  run(ctx, f) {
    const node = ctx.ctl.node;
    const cs = node.containers;
    const sw = ctx.world.state.swarm;
    const me = sw?.nodes.find((n) => n.id === node.swarmNodeId);
    const format = str(f, 'format');
    if (format) {
      // The fields of the Engine API's SystemInfo the simulator knows (`{{.Swarm.NodeAddr}}`, `{{json .Swarm}}`).
      const managers = sw?.nodes.filter((n) => n.role === 'manager') ?? [];
      const systemInfo = {
        Containers: cs.length,
        ContainersRunning: cs.filter((c) => c.status === 'running').length,
        ContainersPaused: 0,
        ContainersStopped: cs.filter((c) => c.status !== 'running').length,
        Images: 8,
        Driver: 'overlay2',
        LoggingDriver: 'json-file',
        CgroupDriver: 'systemd',
        KernelVersion: '6.8.0-51-generic',
        OperatingSystem: 'Ubuntu 24.04.1 LTS',
        OSType: 'linux',
        Architecture: 'x86_64',
        Name: node.name,
        ServerVersion: '28.5.1',
        DockerRootDir: '/var/lib/docker',
        Swarm: {
          NodeID: me?.id ?? '',
          NodeAddr: me ? node.addr : '',
          LocalNodeState: me ? 'active' : 'inactive',
          ControlAvailable: me?.role === 'manager',
          Error: '',
          RemoteManagers: me ? managers.map((n) => ({ NodeID: n.id, Addr: `${n.addr}:2377` })) : null,
          ...(me?.role === 'manager' && sw ? { Nodes: sw.nodes.length, Managers: managers.length, Cluster: { ID: sw.id } } : {}),
        },
      };
      ctx.out.push(formatInspect([systemInfo], format));
      return;
    }
    let s = `Client:\n Version:    28.5.1\n Context:    default\n Debug Mode: false\n\nServer:\n`;
    s += ` Containers: ${cs.length}\n  Running: ${cs.filter((c) => c.status === 'running').length}\n  Paused: 0\n  Stopped: ${cs.filter((c) => c.status !== 'running').length}\n`;
    s += ` Images: 8\n Server Version: 28.5.1\n Storage Driver: overlay2\n Logging Driver: json-file\n Cgroup Driver: systemd\n`;
    s += ` Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog\n`;
    if (sw && me) {
      s += ` Swarm: active\n  NodeID: ${me.id}\n  Is Manager: ${me.role === 'manager'}\n`;
      if (me.role === 'manager') {
        s += `  ClusterID: ${sw.id}\n  Managers: ${sw.nodes.filter((n) => n.role === 'manager').length}\n  Nodes: ${sw.nodes.length}\n  Default Address Pool: 10.0.0.0/8  \n  SubnetSize: 24\n  Data Path Port: 4789\n`;
      }
      s += `  Node Address: ${node.addr}\n`;
      if (me.role === 'manager') s += `  Manager Addresses:\n${sw.nodes.filter((n) => n.role === 'manager').map((n) => `   ${n.addr}:2377\n`).join('')}`;
    } else s += ` Swarm: inactive\n`;
    s += ` Kernel Version: 6.8.0-51-generic\n Operating System: Ubuntu 24.04.1 LTS\n OSType: linux\n Architecture: x86_64\n Name: ${node.name}\n`;
    s += ` Docker Root Dir: /var/lib/docker\n Live Restore Enabled: false\n Default Address Pools:\n   Base: 172.17.0.0/16, Size: 16\n   Base: 172.18.0.0/16, Size: 16\n\n`;
    ctx.out.push(s);
  },
};

/** docker version */
export const version: CommandDef = {
  path: 'version',
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  args: { kind: 'none' },
  flags: [{ long: 'format', short: 'f', type: 'string' }],
  run(ctx) {
    ctx.out.push('Client: Docker Engine - Community\n Version:           28.5.1\n API version:       1.51\n OS/Arch:           linux/amd64\n\nServer: Docker Engine - Community\n Engine:\n  Version:          28.5.1\n  API version:      1.51 (minimum version 1.24)\n  OS/Arch:          linux/amd64\n');
  },
};
