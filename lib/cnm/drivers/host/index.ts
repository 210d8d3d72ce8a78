import { STATELESS_HOOKS, type Driver } from '../../driverapi';

/** host: the container shares the node's network stack; one instance only. */
export const hostDriver: Driver = {
  ...STATELESS_HOOKS,
  name: 'host',
  capability: {
    dataScope: 'local',
    singleton: true,
    exclusive: true,
    allocatesAddresses: false,
    publishesPorts: false,
    hostStack: true,
    needsAttachable: false,
    gatewayOnHost: false,
  },
  validate: () => null,
  options: (input) => ({ ...input.options }),
};
