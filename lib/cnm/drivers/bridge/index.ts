import { INTERFACE_HOOKS, type Driver } from '../../driverapi';
import { mapPorts } from './portmapper';

/** Linux bridge: local scope, NAT and port publishing, embedded DNS on user-defined networks. */
export const bridgeDriver: Driver = {
  ...INTERFACE_HOOKS,
  name: 'bridge',
  capability: {
    dataScope: 'local',
    singleton: false,
    exclusive: false,
    allocatesAddresses: true,
    publishesPorts: true,
    hostStack: false,
    needsAttachable: false,
    gatewayOnHost: true,
  },
  validate: (input) => {
    // libnetwork bridge processIPAM: one IPv4 and one IPv6 pool at most.
    const v6 = input.ipam.filter((c) => c.subnet.includes(':')).length;
    if (input.ipam.length - v6 > 1 || v6 > 1) return "bridge driver doesn't support multiple subnets";
    return null;
  },
  options: (input) => ({ ...input.options }),
  mapPorts,
};
