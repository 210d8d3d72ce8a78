/**
 * docker events (docker/cli cli/command/system/events.go, moby daemon/events): the daemon replays
 * its buffered events between --since and --until, filtered as daemon/events/filter.go does, and
 * the CLI prints them as prettyPrintEvent or through --format.
 *
 * Real docker then streams new events until --until (or Ctrl-C). The lab has no background time:
 * it prints the buffered events and returns. With neither --since nor --until the daemon replays
 * nothing (loadBufferedEvents), so the lab says on stderr that it does not stream.
 */
import type { CommandDef } from '../../types';
import { CliError } from '../../types';
import { list, parseFilters, str } from '../common';
import { goStruct, renderTemplate, TemplateError } from '../../format/template';
import { CnmError, eventAttributes, isoTime, omitEmpty, type EventRecord } from '../../../cnm';
import { before, getTimestamp, parseTimestamps, type Instant } from '../timestamp';

const TEMPLATE_BOUNDS = { maxSteps: 100_000, maxOutput: 1_000_000 };

/** filters.Args FuzzyMatch: no values for the key, or the source equals or starts with one. */
function fuzzy(f: Map<string, string[]>, key: string, source: string): boolean {
  const vs = f.get(key);
  return !vs || vs.some((v) => source.startsWith(v));
}
/** filters.Args ExactMatch. */
function exact(f: Map<string, string[]>, key: string, source: string): boolean {
  const vs = f.get(key);
  return !vs || vs.includes(source);
}

/** daemon/events/filter.go Include, for the event types the lab logs. */
function include(f: Map<string, string[]>, ev: EventRecord, attrs: Record<string, string>): boolean {
  const name = attrs.name ?? '';
  const byName = (t: string) => fuzzy(f, t, ev.id) || fuzzy(f, t, name);
  const special = (f.get('event') ?? []).some((v) => v === 'health_status' || v === 'exec_create' || v === 'exec_start');
  if (!(special ? fuzzy(f, 'event', ev.action) : exact(f, 'event', ev.action))) return false;
  if (!exact(f, 'type', ev.type)) return false;
  if (f.has('scope') && !exact(f, 'scope', ev.scope)) return false;
  for (const t of ['daemon', 'container', 'plugin', 'volume', 'network', 'node', 'service', 'secret', 'config']) if (!byName(t)) return false;
  if (f.has('image')) {
    const img = ev.type === 'container' ? (attrs.image ?? '') : '';
    const strip = (s: string) => s.replace(/^docker\.io\/(library\/)?/, '').replace(/:[^/:]*$/, '');
    if (![ev.id, img, strip(ev.id), strip(img)].some((s) => exact(f, 'image', s))) return false;
  }
  // MatchKVList: every label filter "k" or "k=v" is among the attributes
  for (const l of f.get('label') ?? []) {
    const i = l.indexOf('=');
    if (i < 0 ? !(l in attrs) : attrs[l.slice(0, i)] !== l.slice(i + 1)) return false;
  }
  return true;
}

/**
 * events.Message: JSON keys by the struct's tags in field order (status/id/from only for
 * containers, as the daemon fills them), template fields by their Go names.
 */
function message(ev: EventRecord, attrs: Record<string, string>, goType = 'events.Message'): Record<string, unknown> {
  const m: Record<string, unknown> = goStruct(goType, {});
  const nano = BigInt(ev.t) * BigInt(1_000_000_000) + BigInt(ev.ns);
  const ctr = ev.type === 'container';
  if (ctr) Object.assign(m, { status: ev.action, id: ev.id, from: attrs.image ?? '' });
  m.Type = ev.type;
  m.Action = ev.action;
  m.Actor = goStruct('events.Actor', { ID: ev.id, Attributes: attrs });
  m.scope = ev.scope;
  m.time = ev.t;
  m.timeNano = nano;
  const fields: [string, unknown][] = [
    ['Status', ctr ? ev.action : ''],
    ['ID', ctr ? ev.id : ''],
    ['From', ctr ? (attrs.image ?? '') : ''],
    ['Scope', ev.scope],
    ['Time', ev.t],
    ['TimeNano', nano],
  ];
  for (const [k, v] of fields) omitEmpty(m, k, v);
  return m;
}

/** prettyPrintEvent: time, type, action, actor id and the sorted attributes. */
function pretty(ev: EventRecord, attrs: Record<string, string>): string {
  const keys = Object.keys(attrs).sort();
  const text = keys.length ? ` (${keys.map((k) => `${k}=${attrs[k]}`).join(', ')})` : '';
  return `${isoTime(ev.t, ev.ns)} ${ev.type} ${ev.action} ${ev.id}${text}\n`;
}

export const events: CommandDef = {
  path: 'events',
  aliases: ['system events'],
  use: 'events [OPTIONS]',
  short: 'Get real time events from the server',
  args: { kind: 'none' },
  flags: [
    { long: 'since', type: 'string' },
    { long: 'until', type: 'string' },
    { long: 'filter', short: 'f', type: 'stringArray' },
    { long: 'format', type: 'string' },
  ],
  run(ctx, f) {
    let format = str(f, 'format');
    if (format === 'json') format = '{{json .}}';
    if (format) {
      // makeTemplate: parse, then execute on an empty message to catch a bad field
      try {
        renderTemplate(format, message({ type: '' as 'network', action: '', id: '', name: '', kind: '', scope: 'local', t: 0, ns: 0 }, {}, '*events.Message'), TEMPLATE_BOUNDS);
      } catch (e) {
        if (e instanceof TemplateError) throw new CliError(`Error parsing format: ${e.phase === 'parse' ? e.message : e.goMessage}`, 64);
        throw e;
      }
    }
    const now = ctx.world.state.clock;
    const sinceArg = str(f, 'since');
    const untilArg = str(f, 'until');
    const filters = parseFilters(list(f, 'filter'));
    const sinceForm = sinceArg ? getTimestamp(sinceArg, now) : '';
    const untilForm = untilArg ? getTimestamp(untilArg, now) : '';
    const since: Instant | null = sinceForm ? parseTimestamps(sinceForm) : null;
    const until: Instant | null = untilForm ? parseTimestamps(untilForm) : null;
    if (until && since && before(until, since))
      throw new CnmError('bad-request', `\`since\` time (${sinceForm}) cannot be after \`until\` time (${untilForm})`);
    if (!since && !until) {
      ctx.err.push('(the lab does not stream events: give --since, e.g. --since 10m, to see the past ones)\n');
      return;
    }
    const evs = ctx.world.eventsOf(ctx.ctl.node);
    let out = '';
    for (const ev of evs) {
      const at = { sec: ev.t, ns: ev.ns };
      if (since && before(at, since)) continue;
      if (until && before(until, at)) continue;
      const attrs = eventAttributes(ev);
      if (!include(filters, ev, attrs)) continue;
      out += format ? renderTemplate(format, message(ev, attrs), TEMPLATE_BOUNDS) + '\n' : pretty(ev, attrs);
    }
    ctx.out.push(out);
  },
};
