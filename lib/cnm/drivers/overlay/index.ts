import { INTERFACE_HOOKS, type Driver } from '../../driverapi';
import { OverlayVxlanIdList } from '../../labels';

/** overlay: VXLAN across swarm nodes; global scope, created through a swarm manager. */
export const overlayDriver: Driver = {
  ...INTERFACE_HOOKS,
  name: 'overlay',
  capability: {
    dataScope: 'global',
    singleton: false,
    exclusive: false,
    allocatesAddresses: true,
    publishesPorts: false,
    hostStack: false,
    needsAttachable: true,
    gatewayOnHost: false,
  },
  validate: () => null,
  options: (input) => ({ [OverlayVxlanIdList]: '', ...input.options }),
  createNetwork: (net, ctx) => {
    const used = new Set(ctx.swarmNetworks().map((n) => n.vni));
    // libnetwork overlay/ovmanager: VXLAN ids are allocated from 4096 (ingress takes the first).
    let vni = 4096;
    while (used.has(vni)) vni++;
    net.vni = vni;
    net.options[OverlayVxlanIdList] = String(vni);
  },
};
