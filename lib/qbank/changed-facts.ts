/**
 * Docker facts that changed: the reviewed table the compiler marks questions `outdated` from.
 *
 * Data only (the matching is in freshness.ts). Each entry names what changed, the release that
 * changed it, what replaces it and a Docker page that says so; `match` finds questions whose
 * prompt, key or source item state the old fact, `unless` spares those that already teach the
 * change. `examples` are the entry's own test cases (tests/qbank/freshness.test.ts).
 *
 * Reviewed 2026-11-30 against docker/cli docs/deprecated.md, the Engine 1.12 changelog, the
 * legacy-links page of docker/docs, swarmkit's port allocator and Mirantis' product docs.
 * Add an entry only with a source; keep `match` narrow (a false positive hides a good question).
 */
import type { ChangedFact } from './schema';

export const CHANGED_FACTS: readonly ChangedFact[] = [
  {
    id: 'cluster-store-flags',
    subject: 'the dockerd options --cluster-store, --cluster-store-opt and --cluster-advertise',
    change: 'removed',
    since: 'Engine 23.0',
    replacement: 'swarm mode (docker swarm init / join), which keeps the network state itself',
    note: 'The --cluster-store, --cluster-store-opt and --cluster-advertise daemon options were deprecated in 20.10 and removed in 23.0; overlay networks need swarm mode.',
    source: 'https://docs.docker.com/engine/deprecated/#classic-swarm-and-overlay-networks-using-cluster-store',
    match: ['--cluster-(store|advertise)'],
    unless: ['\\b(removed|deprecated|legacy|no longer)\\b'],
    examples: {
      dependsOn: ['The `dockerd` options that support the overlay network are: `--cluster-store`, `--cluster-store-opt`, `--cluster-advertise`'],
      independent: ['Run `docker swarm init` before creating an overlay network.', 'The --cluster-store options were removed in Engine 23.0.'],
    },
  },
  {
    id: 'overlay-key-value-store',
    subject: 'an external key-value store (Consul, etcd, ZooKeeper) for overlay networks',
    change: 'removed',
    since: 'Engine 23.0',
    replacement: 'swarm mode: managers keep the overlay state in their Raft store, no external key-value store',
    note: 'Overlay networks with an external key-value store (Consul, etcd, ZooKeeper) belonged to standalone "classic" Swarm, removed in Engine 23.0; overlays now need swarm mode and no key-value store.',
    source: 'https://docs.docker.com/engine/deprecated/#classic-swarm-and-overlay-networks-using-cluster-store',
    match: ['key[- /]value store', '\\bconsul\\b', '\\bzookeeper\\b'],
    unless: ['\\b(removed|deprecated|legacy|no longer|not needed|no external)\\b'],
    examples: {
      dependsOn: [
        'Overlay networks require some pre-existing conditions: access to a key-value store. Engine supports Consul, Etcd, and ZooKeeper.',
        'A cluster of hosts with connectivity to the key-value store.',
      ],
      independent: ['Swarm mode keeps the network state itself, so no external key-value store is needed.', 'Overlay networks are created on a manager node.'],
    },
  },
  {
    id: 'service-publish-all',
    subject: 'publishing a service\'s ports with -P on ports above 32768',
    change: 'corrected',
    since: 'Engine 1.12',
    replacement: 'services publish with --publish (-p); a port published without a number gets one from 30000-32767',
    note: 'Services (swarm mode, Engine 1.12 and later) have no -P option: `docker service create --publish 80` picks a published port from the swarm range 30000-32767. Only containers map exposed ports to the host\'s ephemeral range with -P.',
    source: 'https://docs.docker.com/engine/swarm/services/#publish-ports',
    match: ['\\bservices?\\b.{0,120}\\b32768\\b', '\\b32768\\b.{0,120}\\bservices?\\b'],
    unless: ['\\b30000\\b'],
    examples: {
      dependsOn: ['When publishing a container/service\'s service ports to the host with the -P option, Docker maps them to ports above 32768.'],
      independent: ['`docker run -P` maps every exposed port to a random high port, typically 32768 and up.', 'A swarm service publishes ports with --publish.'],
    },
  },
  {
    id: 'network-create-drivers',
    subject: '`docker network create --driver` accepting only bridge or overlay',
    change: 'corrected',
    since: 'Engine 1.12',
    replacement: 'the built-in drivers bridge, overlay, macvlan, ipvlan, host and none, plus plugin drivers',
    note: 'Since Engine 1.12 (macvlan out of experimental) `--driver` is not limited to bridge and overlay: macvlan, ipvlan and network plugins are valid too.',
    source: 'https://docs.docker.com/engine/network/drivers/',
    match: ['accepts? `?bridge`? or `?overlay`?', '\\beither bridge or overlay\\b', 'bridge or overlay drivers'],
    unless: ['\\bmacvlan\\b'],
    examples: {
      dependsOn: ['--driver|-d: accepts `bridge` or `overlay` (built-in network drivers); `bridge` if not specified'],
      independent: ['The default driver of docker network create is bridge.', 'Built-in drivers: bridge, overlay, macvlan, ipvlan, host and none.'],
    },
  },
  {
    id: 'legacy-links',
    subject: 'container links (`--link`) on the default bridge',
    change: 'legacy',
    since: 'Engine 1.9',
    replacement: 'user-defined networks, which give containers DNS names without links',
    note: '`--link` is a legacy feature that may be removed; user-defined networks (Engine 1.9 and later) give containers name resolution without it.',
    source: 'https://docs.docker.com/engine/network/links/',
    match: ['\\blinked containers\\b', '\\bcontainer links\\b', '\\blinks? (share|pass|expose)'],
    unless: ['\\blegacy\\b'],
    examples: {
      dependsOn: ['Linked containers on the default bridge network share environment variables.'],
      independent: ['Links are a legacy feature of the default bridge network.', 'docker network connect accepts --alias, --ip, --ip6, --link, --link-local-ip'],
    },
  },
  {
    id: 'docker-enterprise-products',
    subject: 'Docker EE, Universal Control Plane (UCP) and Docker Trusted Registry (DTR)',
    change: 'renamed',
    since: 'the Mirantis acquisition (Nov 2019)',
    replacement: 'Mirantis Kubernetes Engine (MKE, formerly UCP) and Mirantis Secure Registry (MSR, formerly DTR)',
    note: 'Docker Enterprise was sold to Mirantis in November 2019: UCP is now Mirantis Kubernetes Engine (MKE) and DTR is Mirantis Secure Registry (MSR), documented by Mirantis rather than Docker.',
    source: 'https://docs.mirantis.com/msr/2.9/cli-ref/install.html',
    match: ['\\bdocker trusted registry\\b', '\\bdtr\\b', '\\buniversal control plane\\b', '\\bucp\\b', '\\bdocker (ee|enterprise)\\b'],
    unless: ['\\bmirantis\\b', '\\bmke\\b', '\\bmsr\\b'],
    examples: {
      dependsOn: ['Overlay Network allows Docker Trusted Registry (DTR) components running on different nodes to communicate.', 'UCP controllers listen on port 443.'],
      independent: ['UCP (now Mirantis Kubernetes Engine, MKE) controllers listen on port 443.', 'Swarm managers listen on TCP port 2377.'],
    },
  },
];
