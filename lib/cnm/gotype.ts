/**
 * Go-shaped values for API objects: a struct marker the CLI's template engine reads (field order,
 * type names in errors) and the API's timestamp format. The marker is a registered symbol, so the
 * engine and the template engine agree on it without importing each other.
 */
export const GO_TYPE = Symbol.for('netprep.goType');
export const JSON_AS_MAP = Symbol.for('netprep.jsonAsMap');

/**
 * Marks an object as a Go struct of the given type (e.g. `network.networkContext`), for field errors and printing.
 * The marks are plain symbol-keyed properties: JSON.stringify, Object.keys/entries and for-in skip symbol keys, so
 * the fields are what they were; a spread or Object.assign copy keeps the marks (it is the same struct). Assigned,
 * not defined with Object.defineProperty: that call goes through the runtime for every object and was 40% of
 * `docker network inspect` (every endpoint, IPAM config and the network itself are structs).
 * @param opts.jsonAsMap encode `{{json .}}` with sorted keys, as docker/cli's formatter contexts do (their
 *   MarshalJSON builds a map); inspect structs keep field order (the default)
 * @returns the same object
 */
export function goStruct<T extends object>(typeName: string, fields: T, opts?: { jsonAsMap?: boolean }): T {
  (fields as Record<symbol, unknown>)[GO_TYPE] = typeName;
  if (opts?.jsonAsMap) (fields as Record<symbol, unknown>)[JSON_AS_MAP] = true;
  return fields;
}

/**
 * Adds a struct field tagged `json:",omitempty"` that holds its zero value: templates still read
 * it (`{{len .Endpoint.VirtualIPs}}` is 0), JSON leaves it out (the property is not enumerable).
 */
export function omitEmpty<T extends object>(obj: T, key: string, zero: unknown): T {
  Object.defineProperty(obj, key, { value: zero, enumerable: false, configurable: true });
  return obj;
}

/** Go's time format for API timestamps: 2026-11-28T09:00:00.123456789Z */
export function isoTime(sec: number, frac = 0): string {
  return `${utcDate(sec)}T${utcClock(sec)}.${String(frac).padStart(9, '0')}Z`;
}

/**
 * The UTC calendar day of a Unix time in seconds, "2026-11-28" (as Date's ISO form prints it), made once per day:
 * a lab prints the same few days again and again, while its seconds are mostly new (every container has its own).
 */
export function utcDate(sec: number): string {
  const day = Math.floor(sec / 86400);
  let d = UTC_DAYS.get(day);
  if (d === undefined) {
    const iso = new Date(day * 86_400_000).toISOString();
    d = iso.slice(0, iso.indexOf('T'));
    if (UTC_DAYS.size > 1024) UTC_DAYS.clear();
    UTC_DAYS.set(day, d);
  }
  return d;
}
const UTC_DAYS = new Map<number, string>();

/** The UTC time of day of a Unix time in seconds, "09:00:00" (whole seconds, as Date's ISO form cut at seconds). */
export function utcClock(sec: number): string {
  const t = Math.floor(sec) - Math.floor(sec / 86400) * 86400;
  return `${TWO_DIGITS[Math.floor(t / 3600)]}:${TWO_DIGITS[Math.floor(t / 60) % 60]}:${TWO_DIGITS[t % 60]}`;
}
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
