import type { Driver } from '../../driverapi';
import { MacvlanMode } from '../../labels';

const MODES = ['bridge', 'vepa', 'passthru', 'private'];

/** macvlan: containers get their own MAC on a parent interface; local scope. */
export const macvlanDriver: Driver = {
  name: 'macvlan',
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
    const mode = input.options[MacvlanMode];
    if (mode !== undefined && !MODES.includes(mode)) return `requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default`;
    return null;
  },
  options: (input) => ({ ...input.options }),
};
