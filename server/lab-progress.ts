import 'server-only';
import { z } from 'zod';
import { StoreError } from '@/lib/srs';
import { loadBank } from './banks';
import { db as defaultDb, type Db } from './db';

/**
 * Lab scenarios a learner solved (the ticks in the scenario picker), kept per account. A
 * guest's ticks live in the browser (localStorage) and are sent here once they sign in.
 */

export interface LabProgressContext {
  db?: Db;
  now?: Date;
}

/** At most this many ids per call: the bank has well under a thousand command tasks. */
export const MAX_DONE_IDS = 1000;

export const LabDoneInputSchema = z.array(z.string().min(1).max(300)).max(MAX_DONE_IDS);

/** Scenario ids the learner solved, oldest first. */
export async function labDoneIds(userId: string, ctx: LabProgressContext = {}): Promise<string[]> {
  const db = ctx.db ?? defaultDb;
  const rows = await db.labDone.findMany({ where: { userId }, orderBy: { doneAt: 'asc' }, select: { scenarioId: true } });
  return rows.map((r) => r.scenarioId);
}

/**
 * Record scenarios as solved (idempotent: an id already recorded keeps its first date). Ids that
 * are not command tasks of the bank are skipped (a tick saved in the browser for a question
 * since removed), never stored.
 * @returns how many were newly recorded
 */
export async function markLabDone(userId: string, input: unknown, ctx: LabProgressContext = {}): Promise<number> {
  const parsed = LabDoneInputSchema.safeParse(input);
  if (!parsed.success) throw StoreError.fromZod('invalid lab progress', parsed.error);
  const db = ctx.db ?? defaultDb;
  const { byId } = loadBank();
  const ids = [...new Set(parsed.data)].filter((id) => byId.get(id)?.type === 'command');
  if (ids.length === 0) return 0;
  const have = new Set((await db.labDone.findMany({ where: { userId, scenarioId: { in: ids } }, select: { scenarioId: true } })).map((r) => r.scenarioId));
  const fresh = ids.filter((id) => !have.has(id));
  const doneAt = ctx.now ?? new Date();
  for (const scenarioId of fresh) {
    // upsert: a second tab marking the same scenario at once is not an error.
    await db.labDone.upsert({ where: { userId_scenarioId: { userId, scenarioId } }, create: { userId, scenarioId, doneAt }, update: {} });
  }
  return fresh.length;
}
