/**
 * Daemon events (moby daemon/events): each node's daemon keeps the last 256 events it logged
 * (events.go eventsLimit) so `docker events --since/--until` can replay them. Like dockerd's, the
 * buffer lives in memory only: it is not part of the serialized lab (a reloaded lab is a restarted
 * daemon, with an empty buffer). Recording is one small fixed-shape object pushed per event; the
 * attributes map is built only when the CLI prints an event.
 */

/** moby daemon/events/events.go eventsLimit: the buffer of past events a daemon keeps. */
export const EVENTS_LIMIT = 256;

export type EventType = 'container' | 'network';

/** One events.Message, stored flat. */
export interface EventRecord {
  /** lab clock second, and nanoseconds within it (increasing within the second) */
  t: number;
  ns: number;
  type: EventType;
  action: string;
  /** Actor.ID */
  id: string;
  /** the actor's name attribute */
  name: string;
  /** network: its driver (the "type" attribute, '' for a cluster event); container: its image */
  kind: string;
  /** network connect/disconnect: the container's id */
  container?: string;
  /** container: extra attributes (exitCode, signal, oldName ...) and the container's labels */
  extra?: Record<string, string>;
  labels?: Record<string, string>;
  scope: 'local' | 'swarm';
}

/** Append an event to a daemon's buffer; the sub-second part is a fixed spread of the second, growing within it. */
export function logEvent(buf: EventRecord[], ev: Omit<EventRecord, 'ns'>): void {
  const last = buf.length ? buf[buf.length - 1] : undefined;
  (ev as EventRecord).ns =
    last && last.t === ev.t ? Math.min(999_999_999, last.ns + 1_000_000 + ((last.ns >>> 3) % 900_000)) : 100_000_000 + ((Math.imul(ev.t, 2654435761) >>> 0) % 400_000_000);
  buf.push(ev as EventRecord);
  if (buf.length > EVENTS_LIMIT) buf.shift();
}

/** Actor.Attributes as the daemon builds them (daemon/events.go). */
export function eventAttributes(ev: EventRecord): Record<string, string> {
  if (ev.type === 'network') {
    if (ev.scope === 'swarm') return { name: ev.name };
    return ev.container ? { container: ev.container, name: ev.name, type: ev.kind } : { name: ev.name, type: ev.kind };
  }
  return { ...ev.extra, ...ev.labels, image: ev.kind, name: ev.name };
}
