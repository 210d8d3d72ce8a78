import type { CommandContext, CommandDef } from '../../types';
import { str } from '../common';
import { renderTemplate, goStruct } from '../../format/template';
import { goMarshalJson } from '../../format/formatter';
import { isoTime, omitEmpty } from '../../../cnm';

export const ENGINE_VERSION = '28.5.1';

/**
 * The value `docker info --format` renders: docker/cli's dockerInfo, which embeds the API's
 * system.Info (fields promoted, Go order) and adds ClientInfo.
 */
function infoValue(ctx: CommandContext): Record<string, unknown> {
  const node = ctx.ctl.node;
  const cs = node.containers;
  const sw = ctx.world.state.swarm;
  const me = sw?.nodes.find((n) => n.id === node.swarmNodeId);
  const running = cs.filter((c) => c.status === 'running').length;
  const swarmInfo = goStruct('swarm.Info', {
    NodeID: me?.id ?? '',
    NodeAddr: me ? node.addr : '',
    LocalNodeState: me ? 'active' : 'inactive',
    ControlAvailable: me?.role === 'manager',
    Error: '',
    RemoteManagers: me && sw ? sw.nodes.filter((n) => n.role === 'manager').map((n) => goStruct('swarm.Peer', { NodeID: n.id, Addr: `${n.addr}:2377` })) : null,
  } as Record<string, unknown>);
  if (me?.role === 'manager' && sw) {
    swarmInfo.Nodes = sw.nodes.length;
    swarmInfo.Managers = sw.nodes.filter((n) => n.role === 'manager').length;
    const pools = ctx.ctl.swarmPools();
    swarmInfo.Cluster = goStruct('swarm.ClusterInfo', {
      ID: sw.id,
      Version: goStruct('swarm.Version', { Index: 10 }),
      CreatedAt: isoTime(sw.created, 6),
      UpdatedAt: isoTime(sw.created, 7),
      Spec: goStruct('swarm.Spec', { Name: 'default', Labels: {} }),
      TLSInfo: goStruct('swarm.TLSInfo', {}),
      RootRotationInProgress: false,
      DefaultAddrPool: pools.pools,
      SubnetSize: pools.size,
      DataPathPort: 4789,
    });
  } else {
    omitEmpty(swarmInfo, 'Nodes', 0);
    omitEmpty(swarmInfo, 'Managers', 0);
    omitEmpty(swarmInfo, 'Cluster', null);
  }
  return goStruct('system.dockerInfo', {
    ID: `${node.name.toUpperCase().padEnd(4, 'X').slice(0, 4)}:7C3B:DQ4F:KZ2M:5OZV:QW2B:6FJU:XPNG:YLMK:RXLA:WUVT:ACQF`,
    Containers: cs.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: cs.length - running,
    Images: 8,
    Driver: 'overlay2',
    Plugins: goStruct('system.PluginsInfo', {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    }),
    MemoryLimit: true,
    SwapLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    KernelVersion: '6.8.0-51-generic',
    OperatingSystem: 'Ubuntu 24.04.1 LTS',
    OSVersion: '24.04',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    NCPU: 2,
    MemTotal: 4109463552,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: node.name,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    DefaultRuntime: 'runc',
    Swarm: swarmInfo,
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    DefaultAddressPools: [
      goStruct('system.NetworkAddressPool', { Base: '172.17.0.0/16', Size: 16 }),
      goStruct('system.NetworkAddressPool', { Base: '172.18.0.0/16', Size: 16 }),
    ],
    Warnings: null,
    ClientInfo: goStruct('system.clientInfo', { Debug: false, Version: ENGINE_VERSION, GitCommit: 'e180ab8', GoVersion: 'go1.24.8', Os: 'linux', Arch: 'amd64', BuildTime: 'Wed Oct  8 12:17:24 2025', Context: 'default', Plugins: [], Warnings: null }),
  });
}

/** docker info: the networking-relevant parts. */
export const info: CommandDef = {
  path: 'info',
  aliases: ['system info'],
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  args: { kind: 'none' },
  flags: [{ long: 'format', short: 'f', type: 'string' }],
  run(ctx, f) {
    const format = str(f, 'format');
    if (format) {
      // docker/cli system/info.go formatInfo: "json" is {{json .}}; a newline always follows
      const v = infoValue(ctx);
      ctx.out.push((format === 'json' ? goMarshalJson([v], '').slice(1, -1) : renderTemplate(format, v, { maxSteps: 100_000, maxOutput: 1_000_000 })) + '\n');
      return;
    }
    const node = ctx.ctl.node;
    const cs = node.containers;
    const sw = ctx.world.state.swarm;
    const me = sw?.nodes.find((n) => n.id === node.swarmNodeId);
    let s = `Client:\n Version:    28.5.1\n Context:    default\n Debug Mode: false\n\nServer:\n`;
    s += ` Containers: ${cs.length}\n  Running: ${cs.filter((c) => c.status === 'running').length}\n  Paused: 0\n  Stopped: ${cs.filter((c) => c.status !== 'running').length}\n`;
    s += ` Images: 8\n Server Version: 28.5.1\n Storage Driver: overlay2\n Logging Driver: json-file\n Cgroup Driver: systemd\n`;
    s += ` Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog\n`;
    if (sw && me) {
      s += ` Swarm: active\n  NodeID: ${me.id}\n  Is Manager: ${me.role === 'manager'}\n`;
      if (me.role === 'manager') {
        s += `  ClusterID: ${sw.id}\n  Managers: ${sw.nodes.filter((n) => n.role === 'manager').length}\n  Nodes: ${sw.nodes.length}\n  Default Address Pool: ${ctx.ctl.swarmPools().pools.join('  ')}  \n  SubnetSize: ${ctx.ctl.swarmPools().size}\n  Data Path Port: 4789\n`;
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
/** docker/cli system/version.go versionInfo for 28.5.1 (Go and commits from the v28.5.1 tags; build time not known, left empty). */
function versionValue(): Record<string, unknown> {
  const engine = { ApiVersion: '1.51', Arch: 'amd64', BuildTime: '', Experimental: 'false', GitCommit: 'f8215cc', GoVersion: 'go1.24.8', KernelVersion: '6.8.0-49-generic', MinAPIVersion: '1.24', Os: 'linux' };
  return goStruct('system.versionInfo', {
    Client: goStruct('system.clientVersion', {
      Platform: goStruct('*system.platformInfo', { Name: 'Docker Engine - Community' }),
      Version: ENGINE_VERSION,
      ApiVersion: '1.51',
      DefaultAPIVersion: '1.51',
      GitCommit: 'e180ab8',
      GoVersion: 'go1.24.8',
      Os: 'linux',
      Arch: 'amd64',
      Context: 'default',
    }),
    Server: goStruct('*types.Version', {
      Platform: goStruct('struct { Name string }', { Name: 'Docker Engine - Community' }),
      Components: [goStruct('types.ComponentVersion', { Name: 'Engine', Version: ENGINE_VERSION, Details: engine })],
      Version: ENGINE_VERSION,
      ApiVersion: '1.51',
      MinAPIVersion: '1.24',
      GitCommit: 'f8215cc',
      GoVersion: 'go1.24.8',
      Os: 'linux',
      Arch: 'amd64',
      KernelVersion: '6.8.0-49-generic',
    }),
  });
}

export const version: CommandDef = {
  path: 'version',
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  args: { kind: 'none' },
  flags: [{ long: 'format', short: 'f', type: 'string' }],
  run(ctx, f) {
    const format = str(f, 'format');
    if (format) {
      // the template names Go fields (APIVersion); JSON uses the tags (ApiVersion): read both
      const v = versionValue();
      for (const k of ['Client', 'Server']) omitEmpty(v[k] as object, 'APIVersion', (v[k] as Record<string, unknown>).ApiVersion);
      ctx.out.push((format === 'json' ? goMarshalJson([v], '').slice(1, -1) : renderTemplate(format, v, { maxSteps: 100_000, maxOutput: 1_000_000 })) + '\n');
      return;
    }
    ctx.out.push(
      'Client: Docker Engine - Community\n Version:           28.5.1\n API version:       1.51\n Go version:        go1.24.8\n Git commit:        e180ab8\n OS/Arch:           linux/amd64\n Context:           default\n\n' +
        'Server: Docker Engine - Community\n Engine:\n  Version:          28.5.1\n  API version:      1.51 (minimum version 1.24)\n  Go version:       go1.24.8\n  Git commit:       f8215cc\n  OS/Arch:          linux/amd64\n  Experimental:     false\n',
    );
  },
};
