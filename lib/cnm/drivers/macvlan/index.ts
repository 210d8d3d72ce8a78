import { INTERFACE_HOOKS, type Driver } from '../../driverapi';
import { MacvlanMode, MacvlanParent } from '../../labels';

const MODES = ['bridge', 'vepa', 'passthru', 'private'];

/** macvlan: containers get their own MAC on a parent interface; local scope. */
export const macvlanDriver: Driver = {
  ...INTERFACE_HOOKS,
  name: 'macvlan',
  capability: {
    dataScope: 'local',
    singleton: false,
    exclusive: false,
    allocatesAddresses: true,
    publishesPorts: false,
    hostStack: false,
    needsAttachable: false,
    gatewayOnHost: false,
  },
  validate: (input) => {
    const mode = input.options[MacvlanMode];
    if (mode !== undefined && mode !== '' && !MODES.includes(mode)) return `requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default`;
    if (input.options[MacvlanParent] === 'lo') return 'loopback interface is not a valid macvlan parent link';
    return null;
  },
  // "--internal" macvlan networks need no gateway address.
  skipGateway: (input) => !!input.internal,
  options: (input) => ({ ...input.options }),
};
