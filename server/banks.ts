import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseBank, type Bank, type Question } from '@/lib/qbank';
import { db as defaultDb, type Db } from './db';

/**
 * The compiled question bank (generated/bank.json), loaded and validated with
 * lib/qbank's `parseBank` once per process (reloaded when the file changes), plus
 * `syncBank`, which reconciles learners' card states with the bank's question ids.
 */

export type { Bank, Deck, Question } from '@/lib/qbank';

/** A question id of the bank, branded so it is not confused with a card row id. */
export type QuestionId = string & { readonly __brand: 'QuestionId' };

/** A bank plus the lookups the store needs. */
export interface LoadedBank {
  bank: Bank;
  byId: ReadonlyMap<string, Question>;
  /** Question ids in bank order. */
  order: readonly QuestionId[];
}

export class BankUnavailableError extends Error {
  override name = 'BankUnavailableError';
  readonly kind = 'unavailable' as const;
}

const BANK_FILE = path.join(process.cwd(), 'generated', 'bank.json');

let cached: { file: string; mtimeMs: number; checkedAt: number; loaded: LoadedBank } | undefined;

/** How often the bank file's mtime is checked: every request would pay a stat otherwise. */
const BANK_RECHECK_MS = 1_000;

/** Index a parsed bank. */
export function indexBank(bank: Bank): LoadedBank {
  return {
    bank,
    byId: new Map(bank.questions.map((q) => [q.id, q])),
    order: bank.questions.map((q) => q.id as QuestionId),
  };
}

/**
 * The bank with its lookups, read and validated once per process (reloaded when
 * the file changes on disk, e.g. after `npm run content -- build`; the change is
 * noticed within BANK_RECHECK_MS). Lookups by id are one Map access.
 * @throws BankUnavailableError when the file is missing or invalid
 */
export function loadBank(file: string = BANK_FILE): LoadedBank {
  const now = Date.now();
  if (cached && cached.file === file && now - cached.checkedAt < BANK_RECHECK_MS) return cached.loaded;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(/*turbopackIgnore: true*/ file).mtimeMs;
  } catch {
    throw new BankUnavailableError(`question bank ${file} is missing: run npm run content -- build`);
  }
  if (cached && cached.file === file && cached.mtimeMs === mtimeMs) {
    cached.checkedAt = now;
    return cached.loaded;
  }
  let loaded: LoadedBank;
  try {
    loaded = indexBank(parseBank(JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8'))));
  } catch (err) {
    throw new BankUnavailableError(`question bank ${file} is invalid: ${(err as Error).message.split('\n')[0]}`);
  }
  cached = { file, mtimeMs, checkedAt: now, loaded };
  return loaded;
}

const versions = new WeakMap<LoadedBank, string>();

/**
 * A short content hash of the loaded bank (12 hex digits), stable while the bank is unchanged;
 * stored with problem reports so authors know which compiled bank a learner saw.
 */
export function bankVersion(loaded: LoadedBank = loadBank()): string {
  let v = versions.get(loaded);
  if (!v) versions.set(loaded, (v = createHash('sha256').update(JSON.stringify(loaded.bank)).digest('hex').slice(0, 12)));
  return v;
}

/** The question bank (shared contract): read and validated once, cached. */
export function getBank(): Bank {
  return loadBank().bank;
}

/** One question by id, or undefined. */
export function getQuestion(id: string): Question | undefined {
  return loadBank().byId.get(id);
}

/** Outcome of reconciling card states with the current bank. */
export interface SyncReport {
  /** Rows whose question left the bank (kept, out of the queue). */
  retired: number;
  /** Retired rows whose question came back. */
  restored: number;
  /** Rows whose deck or sourceItem changed with the bank. */
  moved: number;
}

const synced = new WeakMap<Db, WeakSet<LoadedBank>>();

/**
 * Reconcile every learner's card states with `bank`: a question whose id left the
 * bank, or that is now marked outdated, keeps its row and history but is marked retired
 * (out of the queue); one that
 * came back is restored; deck and sourceItem follow the bank. New questions need no
 * row: they are new cards until their first review (created lazily).
 * Idempotent; `ensureBankSynced` runs it once per client and bank.
 */
export async function syncBank(loaded: LoadedBank = loadBank(), database: Db = defaultDb): Promise<SyncReport> {
  return database.$transaction(async (tx) => {
    // One row per distinct (question, deck, sourceItem) across learners: cheap, and all we need.
    const rows = await tx.cardState.findMany({
      distinct: ['questionId', 'deck', 'sourceItem', 'retired'],
      select: { questionId: true, deck: true, sourceItem: true, retired: true },
    });
    const gone = new Set<string>();
    const back = new Set<string>();
    const moved = new Map<string, Question>();
    for (const r of rows) {
      const q = loaded.byId.get(r.questionId);
      // An outdated question (lib/qbank freshness) leaves the review queue like a removed one.
      if (!q || q.outdated) {
        if (!r.retired) gone.add(r.questionId);
        continue;
      }
      if (r.retired) back.add(r.questionId);
      if (r.deck !== q.deck || r.sourceItem !== q.sourceItem) moved.set(q.id, q);
    }
    const inChunks = async (ids: Set<string>, data: { retired: boolean }): Promise<number> => {
      const list = [...ids];
      let n = 0;
      for (let i = 0; i < list.length; i += 500) {
        n += (await tx.cardState.updateMany({
          where: { questionId: { in: list.slice(i, i + 500) }, retired: !data.retired },
          data: { ...data, version: { increment: 1 } },
        })).count;
      }
      return n;
    };
    const retired = await inChunks(gone, { retired: true });
    const restored = await inChunks(back, { retired: false });
    let movedCount = 0;
    for (const q of moved.values()) {
      movedCount += (await tx.cardState.updateMany({
        where: { questionId: q.id },
        data: { deck: q.deck, sourceItem: q.sourceItem, version: { increment: 1 } },
      })).count;
    }
    return { retired, restored, moved: movedCount };
  }, { timeout: 60_000, maxWait: 30_000 });
}

/** Run `syncBank` once per (client, bank) pair in this process. */
export async function ensureBankSynced(loaded: LoadedBank, database: Db = defaultDb): Promise<void> {
  let seen = synced.get(database);
  if (!seen) synced.set(database, (seen = new WeakSet()));
  if (seen.has(loaded)) return;
  await syncBank(loaded, database);
  seen.add(loaded);
}
