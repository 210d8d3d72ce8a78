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
  let d = ISO_SECONDS.get(sec);
  if (d === undefined) {
    d = new Date(sec * 1000).toISOString().slice(0, 19);
    if (ISO_SECONDS.size > 4096) ISO_SECONDS.clear();
    ISO_SECONDS.set(sec, d);
  }
  return `${d}.${String(frac).padStart(9, '0')}Z`;
}
/** "2026-11-28T09:00:00" by second: a lab prints the same few timestamps again and again. */
const ISO_SECONDS = new Map<number, string>();
