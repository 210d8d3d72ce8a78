import type { Driver } from '../../driverapi';
import { OverlayVxlanIdList } from '../../labels';

/** overlay: VXLAN across swarm nodes; global scope, created through a swarm manager. */
export const overlayDriver: Driver = {
  name: 'overlay',
  capability: {
    dataScope: 'global',
    singleton: false,
    exclusive: false,
    allocatesAddresses: true,
    publishesPorts: false,
    hostStack: false,
    needsAttachable: true,
  },
  validate: () => null,
  options: (input) => ({ [OverlayVxlanIdList]: '', ...input.options }),
};
