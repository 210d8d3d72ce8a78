import type { Driver } from '../../driverapi';
import { IpvlanMode } from '../../labels';

const MODES = ['l2', 'l3', 'l3s'];

/** ipvlan: containers share the parent's MAC; L2 or L3 mode; local scope. */
export const ipvlanDriver: Driver = {
  name: 'ipvlan',
  capability: {
    dataScope: 'local',
    singleton: false,
    exclusive: false,
    allocatesAddresses: true,
    publishesPorts: false,
    hostStack: false,
    needsAttachable: false,
  },
  validate: (input) => {
    const mode = input.options[IpvlanMode];
    if (mode !== undefined && !MODES.includes(mode)) return `requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`;
    return null;
  },
  options: (input) => ({ ...input.options }),
};
