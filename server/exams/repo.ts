import 'server-only';
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/generated/prisma/client';
import type { Bank } from '@/server/banks';
import { AttemptStateSchema, DEADLINE_GRACE_MS, ExamError, ItemsSchema, questionMap, type AttemptState } from '@/lib/exam';

/**
 * Where attempts are stored: ExamAttempt rows, owned by a signed-in learner (userRepo) or by a guest's
 * random key (guestRepo; the guest's cookie holds only that key). Every query is scoped by the owner.
 */

/** Where attempts live. `load` returns null for attempts the caller does not own. */
export interface AttemptRepo {
  /** Whether attempts outlive the browser (signed-in) or sit in a cookie (guest). */
  readonly kind: 'user' | 'guest';
  /** Persist a new attempt and return it with its id. */
  create(state: Omit<AttemptState, 'id' | 'version'>): Promise<AttemptState>;
  /** The caller's attempt, or null when it does not exist or belongs to someone else. */
  load(id: string): Promise<AttemptState | null>;
  /** Write the attempt back; throws ExamError('conflict') when someone else wrote it first. */
  save(state: AttemptState): Promise<AttemptState>;
  /** The caller's attempts, newest first. */
  list(limit: number): Promise<AttemptState[]>;
}

type Owner = { userId: string } | { guestKey: string };

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === 'P2002' || /Unique constraint/i.test(String((err as Error)?.message));
}

/** Attempts of one owner in the database; every query is scoped by the owner. */
function ownerRepo(db: PrismaClient, kind: 'user' | 'guest', owner: () => Owner | null, onCreate?: () => Owner): AttemptRepo {
  type Row = Awaited<ReturnType<PrismaClient['examAttempt']['findFirst']>> & object;
  const fromRow = (row: Row): AttemptState =>
    AttemptStateSchema.parse({
      id: row.id,
      blueprintId: row.blueprintId,
      seed: row.seed,
      items: JSON.parse(row.items),
      answers: JSON.parse(row.answers),
      flags: JSON.parse(row.flags),
      currentIndex: row.currentIndex,
      startedAt: row.startedAt,
      deadline: row.deadline,
      submittedAt: row.submittedAt,
      score: row.score,
      passed: row.passed,
      perTopic: row.perTopic ? JSON.parse(row.perTopic) : null,
      version: row.version,
    });
  return {
    kind,
    async create(state) {
      const o = onCreate ? onCreate() : owner();
      if (!o) throw new ExamError('forbidden', 'Sign in to start an exam.');
      try {
        const row = await db.examAttempt.create({
          data: {
            ...('userId' in o ? { userId: o.userId } : { guestKey: o.guestKey }),
            openSlot: 'open',
            blueprintId: state.blueprintId,
            seed: state.seed,
            items: JSON.stringify(state.items),
            answers: JSON.stringify(state.answers),
            flags: JSON.stringify(state.flags),
            currentIndex: state.currentIndex,
            startedAt: state.startedAt,
            deadline: state.deadline,
          },
        });
        return fromRow(row);
      } catch (err) {
        // The (userId, openSlot) index: another tab started an attempt a moment ago.
        if (isUniqueViolation(err)) throw new ExamError('conflict', 'You already have an exam in progress: resume it or abandon it first.');
        throw err;
      }
    },
    async load(id) {
      const o = owner();
      if (!o) return null;
      const row = await db.examAttempt.findFirst({ where: { id, ...o } });
      return row ? fromRow(row) : null;
    },
    async save(state) {
      const o = owner();
      const res = o
        ? await db.examAttempt.updateMany({
            where: { id: state.id, ...o, version: state.version },
            data: {
              answers: JSON.stringify(state.answers),
              flags: JSON.stringify(state.flags),
              currentIndex: state.currentIndex,
              submittedAt: state.submittedAt,
              openSlot: state.submittedAt ? null : 'open',
              score: state.score,
              passed: state.passed,
              perTopic: state.perTopic ? JSON.stringify(state.perTopic) : null,
              version: { increment: 1 },
            },
          })
        : { count: 0 };
      if (res.count !== 1) throw new ExamError('conflict', 'This exam changed in another tab; reload to continue.');
      return { ...state, version: state.version + 1 };
    },
    async list(limit) {
      const o = owner();
      if (!o) return [];
      const rows = await db.examAttempt.findMany({ where: o, orderBy: { startedAt: 'desc' }, take: limit });
      return rows.map(fromRow);
    },
  };
}

/** Attempts of one signed-in user. */
export function userRepo(db: PrismaClient, userId: string): AttemptRepo {
  return ownerRepo(db, 'user', () => ({ userId }));
}

/** The guest exam cookie: it holds only the random key of the guest's latest attempt. */
export const GUEST_COOKIE = 'netprep_guest_exam';
/** Guests may take short exams only; a longer one needs an account. */
export const GUEST_MAX_QUESTIONS = 20;
/** Guest attempts are deleted this long after they started. */
export const GUEST_ATTEMPT_TTL_MS = 7 * 24 * 3_600_000;

const GUEST_KEY_RE = /^[A-Za-z0-9_-]{32}$/;

/**
 * A guest's attempts, stored server-side under a random key. The browser's cookie holds only the
 * key (from `key()` after a call), so a copied or restored cookie cannot bring back an earlier state:
 * each attempt is submitted once and its result page stays tied to it.
 */
export function guestRepo(db: PrismaClient, cookieValue: string | undefined, now: Date = new Date()): AttemptRepo & { key(): string | null } {
  let key: string | null = cookieValue && GUEST_KEY_RE.test(cookieValue) ? cookieValue : null;
  const repo = ownerRepo(
    db,
    'guest',
    () => (key ? { guestKey: key } : null),
    () => {
      key = randomBytes(24).toString('base64url');
      return { guestKey: key };
    },
  );
  return {
    ...repo,
    async create(state) {
      await db.examAttempt.deleteMany({ where: { userId: null, startedAt: { lt: new Date(now.getTime() - GUEST_ATTEMPT_TTL_MS) } } });
      return repo.create(state);
    },
    key: () => key,
  };
}

/**
 * The question ids an owner's open attempts hold, with every sibling variant of the same source
 * item: hidden from quizzes, reviews and deck notes until the attempts are submitted or expire.
 */
export async function openAttemptQuestionIds(db: PrismaClient, owner: Owner | null, bank: Bank, now: Date = new Date()): Promise<Set<string>> {
  const hidden = new Set<string>();
  if (!owner || ('guestKey' in owner && !GUEST_KEY_RE.test(owner.guestKey))) return hidden;
  const rows = await db.examAttempt.findMany({
    where: { ...owner, submittedAt: null, deadline: { gt: new Date(now.getTime() - DEADLINE_GRACE_MS) } },
    select: { items: true },
  });
  if (rows.length === 0) return hidden;
  const sourceItems = new Set<string>();
  const byId = questionMap(bank);
  for (const row of rows)
    for (const item of ItemsSchema.parse(JSON.parse(row.items))) {
      hidden.add(item.questionId);
      const q = byId.get(item.questionId);
      if (q) sourceItems.add(q.sourceItem);
    }
  for (const q of bank.questions) if (sourceItems.has(q.sourceItem)) hidden.add(q.id);
  return hidden;
}

