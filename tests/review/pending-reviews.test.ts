/**
 * Issue 12: lost or doubled reviews when the server goes away. The browser keeps each grade until the
 * server acknowledges it, retries with the same clientReviewId and backoff, and resumes after a reload.
 */
import { createPendingQueue, PENDING_STORAGE_KEY, type PendingStatus } from '@/components/review/pending-reviews';
import type { GradeInput, GradeResult } from '@/components/review/types';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

const grade = (n: number): GradeInput => ({ cardId: `q${n}`, grade: 3, clientReviewId: `review-${n}`, durationMs: 100 });
const ok: GradeResult = { ok: true, requeue: null };

describe('pending reviews', () => {
  it('retries a grade with the same id and backoff until the server answers; nothing is lost or doubled', async () => {
    const storage = new MemoryStorage();
    const sent: string[] = [];
    const stored = new Set<string>();
    let serverUp = false;
    const waits: number[] = [];
    const statuses: PendingStatus[] = [];
    const q = createPendingQueue({
      storage,
      // The server may store a grade and die before answering: the retry must reuse the id.
      send: async (input) => {
        sent.push(input.clientReviewId);
        if (!serverUp) {
          stored.add(input.clientReviewId);
          throw new TypeError('fetch failed');
        }
        stored.add(input.clientReviewId);
        return ok;
      },
      sleep: async (ms) => {
        waits.push(ms);
        if (waits.length === 3) serverUp = true;
      },
      onStatus: (s) => statuses.push(s),
    });
    const first = q.add(grade(1));
    const second = q.add(grade(2));
    expect(JSON.parse(storage.getItem(PENDING_STORAGE_KEY)!)).toHaveLength(2);
    await expect(first).resolves.toMatchObject({ kind: 'saved' });
    await expect(second).resolves.toMatchObject({ kind: 'saved' });
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(sent).toEqual(['review-1', 'review-1', 'review-1', 'review-1', 'review-2']);
    expect([...stored]).toEqual(['review-1', 'review-2']);
    expect(statuses.some((s) => s.state === 'offline' && s.pending === 2)).toBe(true);
    expect(q.status()).toEqual({ state: 'idle', pending: 0 });
    expect(JSON.parse(storage.getItem(PENDING_STORAGE_KEY)!)).toEqual([]);
  });

  it('a reload resumes what was waiting, in order', async () => {
    const storage = new MemoryStorage();
    const dead = createPendingQueue({ storage, send: () => Promise.reject(new Error('offline')), sleep: () => new Promise(() => undefined) });
    void dead.add(grade(1));
    void dead.add(grade(2));
    await Promise.resolve();
    dead.stop();
    const sent: string[] = [];
    const reloaded = createPendingQueue({ storage, send: async (i) => (sent.push(i.clientReviewId), ok) });
    expect(reloaded.status().pending).toBe(2);
    reloaded.resume();
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual(['review-1', 'review-2']);
    expect(reloaded.status().pending).toBe(0);
  });

  it('a refusal for good (session ended, conflict) is settled, not retried; a retryable one is retried', async () => {
    const storage = new MemoryStorage();
    const answers: GradeResult[] = [{ ok: false, message: 'database busy', retry: true }, { ok: false, message: 'Sign in again.' }];
    const q = createPendingQueue({ storage, send: async () => answers.shift()!, sleep: async () => undefined });
    await expect(q.add(grade(1))).resolves.toEqual({ kind: 'refused', message: 'Sign in again.' });
    expect(q.status().pending).toBe(0);
  });
});
