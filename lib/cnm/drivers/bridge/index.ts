import type { Driver } from '../../driverapi';

/** Linux bridge: local scope, NAT and port publishing, embedded DNS on user-defined networks. */
export const bridgeDriver: Driver = {
  name: 'bridge',
  capability: {
    dataScope: 'local',
    singleton: false,
    exclusive: false,
    allocatesAddresses: true,
    publishesPorts: true,
    hostStack: false,
    needsAttachable: false,
  },
  validate: () => null,
  options: (input) => ({ ...input.options }),
};
