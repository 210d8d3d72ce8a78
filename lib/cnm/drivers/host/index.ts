import type { Driver } from '../../driverapi';

/** host: the container shares the node's network stack; one instance only. */
export const hostDriver: Driver = {
  name: 'host',
  capability: {
    dataScope: 'local',
    singleton: true,
    exclusive: true,
    allocatesAddresses: false,
    publishesPorts: false,
    hostStack: true,
    needsAttachable: false,
  },
  validate: () => null,
  options: (input) => ({ ...input.options }),
};
