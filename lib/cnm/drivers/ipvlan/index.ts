import { INTERFACE_HOOKS, type Driver } from '../../driverapi';
import { IpvlanFlag, IpvlanMode, MacvlanParent } from '../../labels';

const MODES = ['l2', 'l3', 'l3s'];
const FLAGS = ['bridge', 'private', 'vepa'];

/** ipvlan: containers share the parent's MAC; L2 or L3 mode; local scope. */
export const ipvlanDriver: Driver = {
  ...INTERFACE_HOOKS,
  name: 'ipvlan',
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
    const mode = input.options[IpvlanMode];
    if (mode !== undefined && mode !== '' && !MODES.includes(mode)) return `requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`;
    const flag = input.options[IpvlanFlag];
    if (flag !== undefined && flag !== '' && !FLAGS.includes(flag)) return `requested ipvlan flag '${flag}' is not valid, 'bridge' is the ipvlan driver default`;
    if (input.options[MacvlanParent] === 'lo') return 'loopback interface is not a valid ipvlan parent link';
    return null;
  },
  // L3 and L3S connect the default route to the interface: no gateway address.
  skipGateway: (input) => ['l3', 'l3s'].includes(input.options[IpvlanMode] ?? '') || !!input.internal,
  options: (input) => ({ ...input.options }),
};
