import type { GradeInput, GradeResult } from './types';

/**
 * Grades waiting for the server, kept in the browser (issue 12). A grade is written to localStorage
 * before it is sent and removed only when the server acknowledged it (or refused it for good), so a
 * server that goes away, a dropped connection or a reload loses nothing; every retry sends the same
 * `clientReviewId`, so a grade the server had already stored is not applied twice. Retries back off
 * (1 s, 2 s, 4 s … 30 s) and run one at a time, oldest first, so the store sees the learner's order.
 */

export const PENDING_STORAGE_KEY = 'netprep:pending-reviews';
/** Most grades kept waiting (a week offline of heavy study fits easily). */
export const PENDING_MAX = 2000;
const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];

export interface PendingReview {
  input: GradeInput;
  /** When the learner graded (ms since epoch). */
  queuedAt: number;
}

/** What the browser shows: nothing waiting, grades being saved, or the server out of reach. */
export type PendingStatus = { state: 'idle' | 'saving' | 'offline'; pending: number };

/** A send result: the server's answer, or 'retry' when it could not be reached or asked to retry. */
export type SendOutcome = { kind: 'saved'; result: Extract<GradeResult, { ok: true }> } | { kind: 'refused'; message: string } | { kind: 'retry' };

export interface PendingQueueOptions {
  /** Where grades wait (window.localStorage; null when unavailable: then they wait in memory only). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Send one grade. Throwing (network failure) or `{ ok: false, retry: true }` means "try again later". */
  send: (input: GradeInput) => Promise<GradeResult>;
  onStatus?: (status: PendingStatus) => void;
  /** A grade the server stored (`result`) or refused for good (`message`). */
  onSettled?: (input: GradeInput, outcome: Exclude<SendOutcome, { kind: 'retry' }>) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface PendingQueue {
  /** Keep a grade and send it as soon as its turn comes. Resolves when the server stored or refused it. */
  add(input: GradeInput): Promise<Exclude<SendOutcome, { kind: 'retry' }>>;
  /** Send what earlier visits left waiting (after a reload). */
  resume(): void;
  status(): PendingStatus;
  /** Stop retrying (component unmounted); what is waiting stays stored. */
  stop(): void;
}

function load(storage: PendingQueueOptions['storage']): PendingReview[] {
  try {
    const raw = storage?.getItem(PENDING_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter((p): p is PendingReview => typeof p?.input?.clientReviewId === 'string' && typeof p?.input?.cardId === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Classify one send: stored, refused for good, or to be retried. */
export async function sendOnce(send: PendingQueueOptions['send'], input: GradeInput): Promise<SendOutcome> {
  let res: GradeResult;
  try {
    res = await send(input);
  } catch {
    return { kind: 'retry' }; // the server could not be reached (or died mid-request)
  }
  if (res.ok) return { kind: 'saved', result: res };
  return res.retry ? { kind: 'retry' } : { kind: 'refused', message: res.message };
}

export function createPendingQueue(opts: PendingQueueOptions): PendingQueue {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let items = load(opts.storage);
  let state: PendingStatus['state'] = 'idle';
  let running = false;
  let stopped = false;
  const waiters = new Map<string, (o: Exclude<SendOutcome, { kind: 'retry' }>) => void>();

  const persist = () => {
    try {
      opts.storage?.setItem(PENDING_STORAGE_KEY, JSON.stringify(items));
    } catch {
      /* storage full or blocked: the grades still wait in memory */
    }
  };
  const status = (): PendingStatus => ({ state: items.length === 0 ? 'idle' : state, pending: items.length });
  const report = () => opts.onStatus?.(status());

  async function run(): Promise<void> {
    if (running) return;
    running = true;
    let failures = 0;
    try {
      while (!stopped && items.length > 0) {
        const head = items[0];
        state = failures === 0 ? 'saving' : 'offline';
        report();
        const outcome = await sendOnce(opts.send, head.input);
        if (outcome.kind === 'retry') {
          state = 'offline';
          report();
          await sleep(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]);
          failures++;
          continue;
        }
        failures = 0;
        // Re-read storage: another tab may have sent and removed grades meanwhile.
        items = items.filter((p) => p.input.clientReviewId !== head.input.clientReviewId);
        persist();
        opts.onSettled?.(head.input, outcome);
        waiters.get(head.input.clientReviewId)?.(outcome);
        waiters.delete(head.input.clientReviewId);
      }
    } finally {
      running = false;
      state = 'idle';
      report();
    }
  }

  return {
    add(input) {
      const settled = new Promise<Exclude<SendOutcome, { kind: 'retry' }>>((resolve) => waiters.set(input.clientReviewId, resolve));
      items = [...items, { input, queuedAt: Date.now() }].slice(-PENDING_MAX);
      persist();
      report();
      void run();
      return settled;
    },
    resume() {
      if (items.length) void run();
    },
    status,
    stop() {
      stopped = true;
    },
  };
}
