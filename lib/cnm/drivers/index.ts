/** The built-in drivers (as libnetwork's drivers_linux.go lists them). */
import { DriverRegistry } from '../driverapi';
import { bridgeDriver } from './bridge';
import { hostDriver } from './host';
import { nullDriver } from './null';
import { overlayDriver } from './overlay';
import { macvlanDriver } from './macvlan';
import { ipvlanDriver } from './ipvlan';

export const builtinDrivers = [bridgeDriver, hostDriver, nullDriver, overlayDriver, macvlanDriver, ipvlanDriver];

/** A registry holding every built-in driver. Immutable after construction, so one is shared. */
export const drivers = new DriverRegistry();
for (const d of builtinDrivers) drivers.register(d);
