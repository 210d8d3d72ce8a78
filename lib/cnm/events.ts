/**
 * Daemon events (moby daemon/events): each node's daemon keeps the last 256 events it logged
 * (events.go eventsLimit) so `docker events --since/--until` can replay them. Recording is one
 * object pushed per event: no formatting until the CLI prints them.
 */
import type { NodeState } from './world';

/** moby daemon/events/events.go eventsLimit: the buffer of past events a daemon keeps. */
export const EVENTS_LIMIT = 256;

export type EventType = 'container' | 'network';

/** One events.Message: Type, Action, Actor{ID, Attributes}, Scope, time (s) and its nanoseconds. */
export interface EventRecord {
  type: EventType;
  action: string;
  id: string;
  attrs: Record<string, string>;
  scope: 'local' | 'swarm';
  /** lab clock second */
  t: number;
  /** nanoseconds within that second (increasing within the second) */
  ns: number;
}

/**
 * Log an event on a node's daemon at lab time `t`. The sub-second part is derived from the second
 * (a fixed spread, so output is reproducible) and grows with every event of the same second.
 */
export function logEvent(node: NodeState, t: number, type: EventType, action: string, id: string, attrs: Record<string, string>, scope: 'local' | 'swarm' = 'local'): void {
  const evs = (node.events ??= []);
  const last = evs.length ? evs[evs.length - 1] : undefined;
  const ns = last && last.t === t ? Math.min(999_999_999, last.ns + 1_000_000 + ((last.ns >>> 3) % 900_000)) : 100_000_000 + ((Math.imul(t, 2654435761) >>> 0) % 400_000_000);
  evs.push({ type, action, id, attrs, scope, t, ns });
  if (evs.length > EVENTS_LIMIT) evs.splice(0, evs.length - EVENTS_LIMIT);
}
