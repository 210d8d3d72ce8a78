import { STATELESS_HOOKS, type Driver } from '../../driverapi';

/** null (`none`): loopback only; one instance only. */
export const nullDriver: Driver = {
  ...STATELESS_HOOKS,
  name: 'null',
  capability: {
    dataScope: 'local',
    singleton: true,
    exclusive: true,
    allocatesAddresses: false,
    publishesPorts: false,
    hostStack: false,
    needsAttachable: false,
    gatewayOnHost: false,
  },
  validate: () => null,
  options: (input) => ({ ...input.options }),
};
