import 'server-only';
import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import type { Bank, Question } from '@/server/banks';

type Blueprint = Bank['blueprints'][number];
import { drawExam } from '@/lib/exam';
import { mulberry32 } from '@/lib/random';

/**
 * Practice exams, decided on the server.
 *
 * Lifecycle: startExam draws the items (lib/exam, seeded) and a per-attempt option
 * order -> the learner answers DOMC items one option at a time (answerDomc) and choice
 * items whole (answerChoice), may flag and move between items -> submitExam (or the
 * first request after the deadline) scores it -> getExamResult reveals keys and
 * explanations. Every response is a DTO built here; before submission no DTO carries
 * a key, an explanation, or an option the learner has not been shown yet.
 *
 * Storage goes through an AttemptRepo: ExamAttempt rows, owned by a signed-in learner
 * (userRepo) or by a guest's random key (guestRepo; the guest's cookie holds only that key).
 *
 * Integrity (issue 12): a learner has at most one open attempt (a unique index on
 * (userId, openSlot) enforces it); starting another asks to resume or abandon it, and an
 * abandoned attempt is scored as it stands. While an attempt is open, the questions it holds
 * (and their sibling variants) are hidden everywhere else: see {@link openAttemptQuestionIds}.
 * Every attempt is submitted once; answers after that are refused.
 */

// ---------------------------------------------------------------------------
// Errors

export type ExamErrorKind = 'not-found' | 'bad-request' | 'conflict' | 'expired' | 'forbidden' | 'in-progress';

/** A typed exam failure; `kind` maps to an HTTP status or a form message. */
export class ExamError extends Error {
  override name = 'ExamError';
  constructor(
    readonly kind: ExamErrorKind,
    message: string,
    /** kind 'in-progress': the learner's open attempt, to resume or abandon. */
    readonly openAttempt?: ExamSummaryDTO,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------
// Inputs (validated at the edge; the user never comes from here)

const attemptId = z.string().min(1).max(120);
const itemIndex = z.number().int().min(0).max(999);

export const StartExamInputSchema = z.object({
  blueprintId: z.string().min(1).max(120),
  /** Number of questions; omitted = the full blueprint. */
  size: z.number().int().min(1).max(500).optional(),
  /** Id of the learner's open attempt to abandon (score as it stands) before starting this one. */
  abandon: attemptId.optional(),
});
export const DomcAnswerInputSchema = z.object({
  attemptId,
  item: itemIndex,
  /** Position of the option being answered in the item's shown sequence (guards double submits). */
  step: z.number().int().min(0).max(50),
  response: z.boolean(),
});
export const ChoiceAnswerInputSchema = z.object({
  attemptId,
  item: itemIndex,
  /** Display positions of the picked options. */
  selected: z.array(z.number().int().min(0).max(50)).max(50),
});
export const FlagInputSchema = z.object({ attemptId, item: itemIndex, flagged: z.boolean() });
export const GotoInputSchema = z.object({ attemptId, item: itemIndex });
export const AttemptInputSchema = z.object({ attemptId });

export type StartExamInput = z.infer<typeof StartExamInputSchema>;
export type DomcAnswerInput = z.infer<typeof DomcAnswerInputSchema>;
export type ChoiceAnswerInput = z.infer<typeof ChoiceAnswerInputSchema>;
export type FlagInput = z.infer<typeof FlagInputSchema>;
export type GotoInput = z.infer<typeof GotoInputSchema>;

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new ExamError('bad-request', `Invalid input: ${r.error.issues[0]?.message ?? 'malformed'}`);
  return r.data;
}

// ---------------------------------------------------------------------------
// Attempt state (what is stored)

const StoredItemSchema = z.object({
  questionId: z.string(),
  objective: z.string(),
  format: z.enum(['domc', 'choice']),
  /** Original choice indexes in the order this attempt shows them. */
  choiceOrder: z.array(z.number().int()),
  /** DOMC only: show one more, unscored option after the item settles, so "settled" says nothing about the result. */
  decoy: z.boolean().default(false),
});
const StoredAnswerSchema = z.object({
  /** DOMC: yes/no per shown option, in shown order. */
  responses: z.array(z.boolean()).optional(),
  /** Choice: display positions picked. */
  selected: z.array(z.number().int()).optional(),
});
const ItemsSchema = z.array(StoredItemSchema);
const AnswersSchema = z.record(z.string(), StoredAnswerSchema);
const FlagsSchema = z.array(z.number().int());
const ObjectiveScoreSchema = z.object({
  id: z.string(),
  title: z.string(),
  correct: z.number().int(),
  total: z.number().int(),
});
const PerTopicSchema = z.array(ObjectiveScoreSchema);

export const AttemptStateSchema = z.object({
  id: z.string(),
  blueprintId: z.string(),
  seed: z.number().int(),
  items: ItemsSchema,
  answers: AnswersSchema,
  flags: FlagsSchema,
  currentIndex: z.number().int(),
  startedAt: z.coerce.date(),
  deadline: z.coerce.date(),
  submittedAt: z.coerce.date().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  perTopic: PerTopicSchema.nullable(),
  version: z.number().int(),
});
export type AttemptState = z.infer<typeof AttemptStateSchema>;
type StoredItem = z.infer<typeof StoredItemSchema>;
type StoredAnswer = z.infer<typeof StoredAnswerSchema>;
export type ObjectiveScore = z.infer<typeof ObjectiveScoreSchema>;

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

// ---------------------------------------------------------------------------
// ExamAttempt rows, owned by a signed-in learner or by a guest's random key

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

// ---------------------------------------------------------------------------
// Blueprints offered

/** Seconds of grace after the deadline for answers already in flight. */
export const DEADLINE_GRACE_MS = 5_000;

export interface ExamOption {
  blueprintId: string;
  title: string;
  questions: number;
  minutes: number;
  passPercent: number;
  /** Share of questions in DOMC style, 0..100. */
  domcPercent: number;
  full: boolean;
  guestAllowed: boolean;
}

/** Minutes for an exam of `size` questions drawn from `bp`: scaled to the blueprint's pace, at least 5. */
export function scaledMinutes(bp: Blueprint, size: number): number {
  return Math.max(5, Math.round((bp.minutes * size) / bp.questions));
}

/** The exams a learner can start: each blueprint in full, plus 20- and 10-question versions. */
export function examOptions(bank: Bank): ExamOption[] {
  const out: ExamOption[] = [];
  for (const bp of bank.blueprints) {
    for (const size of [bp.questions, 20, 10]) {
      if (size > bp.questions || (size !== bp.questions && out.some((o) => o.blueprintId === bp.id && o.questions === size)))
        continue;
      out.push({
        blueprintId: bp.id,
        title: size === bp.questions ? bp.title : `Short practice: ${size} questions`,
        questions: size,
        minutes: size === bp.questions ? bp.minutes : scaledMinutes(bp, size),
        passPercent: bp.passPercent,
        domcPercent: Math.round(bp.domcShare * 100),
        full: size === bp.questions,
        guestAllowed: size <= GUEST_MAX_QUESTIONS,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Pure exam mechanics

function shuffled(n: number, next: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function questionMap(bank: Bank): Map<string, Question> {
  return new Map(bank.questions.map((q) => [q.id, q]));
}

function questionOf(questions: Map<string, Question>, item: StoredItem): Question {
  const q = questions.get(item.questionId);
  if (!q || !q.choices) throw new ExamError('not-found', `Question ${item.questionId} is no longer in the bank.`);
  return q;
}

export interface DomcProgress {
  /** Number of responses after which the item was decided; null while open. */
  settledAfter: number | null;
  /** Whether the learner got it right; null while open. */
  correct: boolean | null;
  /** Whether no further option will be shown (settled, and any decoy answered). */
  finished: boolean;
  /** How many options the learner has to see in total once finished (settledAfter + decoy). */
  shownWhenFinished: number | null;
}

/**
 * Decide a DOMC item from the responses so far. A Yes on a wrong option or a No on a
 * right option ends it wrong; for single choice a Yes on the right option ends it
 * right; for multiple choice it ends right when every option was judged correctly.
 */
export function domcProgress(q: Question, item: StoredItem, responses: readonly boolean[]): DomcProgress {
  const choices = q.choices ?? [];
  const single = q.type === 'single-choice';
  let settledAfter: number | null = null;
  let correct: boolean | null = null;
  for (let k = 0; k < responses.length && settledAfter === null; k++) {
    const c = choices[item.choiceOrder[k]];
    const yes = responses[k];
    if (yes && !c.correct) [settledAfter, correct] = [k + 1, false];
    else if (!yes && c.correct) [settledAfter, correct] = [k + 1, false];
    else if (yes && c.correct && single) [settledAfter, correct] = [k + 1, true];
  }
  if (settledAfter === null && responses.length >= item.choiceOrder.length)
    [settledAfter, correct] = [item.choiceOrder.length, !single];
  if (settledAfter === null) return { settledAfter, correct, finished: false, shownWhenFinished: null };
  const extra = item.decoy && settledAfter < item.choiceOrder.length ? 1 : 0;
  const shownWhenFinished = settledAfter + extra;
  return { settledAfter, correct, finished: responses.length >= shownWhenFinished, shownWhenFinished };
}

function choiceCorrect(q: Question, item: StoredItem, selected: readonly number[]): boolean {
  const picked = new Set(selected.map((p) => item.choiceOrder[p]));
  return (q.choices ?? []).every((c, i) => c.correct === picked.has(i));
}

function itemCorrect(q: Question, item: StoredItem, ans: StoredAnswer | undefined): boolean {
  if (item.format === 'domc') return domcProgress(q, item, ans?.responses ?? []).correct === true;
  return choiceCorrect(q, item, ans?.selected ?? []);
}

type ItemStatus = 'unseen' | 'started' | 'answered';
function itemStatus(q: Question, item: StoredItem, ans: StoredAnswer | undefined): ItemStatus {
  if (item.format === 'domc') {
    const r = ans?.responses ?? [];
    if (r.length === 0) return 'unseen';
    return domcProgress(q, item, r).finished ? 'answered' : 'started';
  }
  return (ans?.selected?.length ?? 0) > 0 ? 'answered' : 'unseen';
}

function blueprintOf(bank: Bank, id: string): Blueprint {
  const bp = bank.blueprints.find((b) => b.id === id);
  if (!bp) throw new ExamError('not-found', `No exam blueprint "${id}".`);
  return bp;
}

/** Score an attempt (pure). */
export function scoreAttempt(bank: Bank, state: AttemptState): { score: number; passed: boolean; perTopic: ObjectiveScore[] } {
  const bp = bank.blueprints.find((b) => b.id === state.blueprintId);
  const questions = questionMap(bank);
  const byObjective = new Map<string, ObjectiveScore>();
  for (const o of bp?.objectives ?? []) byObjective.set(o.id, { id: o.id, title: o.title, correct: 0, total: 0 });
  let correct = 0;
  state.items.forEach((item, i) => {
    const q = questions.get(item.questionId);
    const ok = q ? itemCorrect(q, item, state.answers[i]) : false;
    if (ok) correct++;
    const o = byObjective.get(item.objective) ?? { id: item.objective, title: item.objective, correct: 0, total: 0 };
    o.total++;
    if (ok) o.correct++;
    byObjective.set(item.objective, o);
  });
  const total = state.items.length;
  const score = total === 0 ? 0 : Math.round((correct / total) * 1000) / 10;
  return {
    score,
    passed: score >= (bp?.passPercent ?? 70),
    perTopic: [...byObjective.values()].filter((o) => o.total > 0),
  };
}

function finalize(bank: Bank, state: AttemptState, now: Date): AttemptState {
  const { score, passed, perTopic } = scoreAttempt(bank, state);
  // An attempt that ran out of time is recorded as submitted at its deadline.
  const submittedAt = now.getTime() > state.deadline.getTime() ? state.deadline : now;
  return { ...state, submittedAt, score, passed, perTopic };
}

function isOverdue(state: AttemptState, now: Date): boolean {
  return now.getTime() > state.deadline.getTime() + DEADLINE_GRACE_MS;
}

// ---------------------------------------------------------------------------
// DTOs (all the browser ever sees)

export interface ExamSummaryDTO {
  id: string;
  title: string;
  questions: number;
  startedAt: string;
  submittedAt: string | null;
  deadline: string;
  score: number | null;
  passed: boolean | null;
  status: 'active' | 'submitted';
}

export interface ExamItemDTO {
  index: number;
  format: 'domc' | 'choice';
  multiple: boolean;
  prompt: string;
  objective: string;
  flagged: boolean;
  /** DOMC: the options already judged (locked), and the next one to judge, or null when the item is over. */
  domc?: { judged: { text: string; response: boolean }[]; next: { step: number; text: string } | null };
  /** Choice: every option in this attempt's order, with the learner's current picks. */
  choice?: { options: { position: number; text: string }[]; selected: number[] };
}

export interface ExamViewDTO {
  id: string;
  title: string;
  status: 'active' | 'submitted';
  startedAt: string;
  deadline: string;
  serverNow: string;
  total: number;
  answered: number;
  current: number;
  nav: { index: number; status: ItemStatus; flagged: boolean }[];
  item: ExamItemDTO;
}

export interface ExamResultDTO {
  id: string;
  title: string;
  startedAt: string;
  submittedAt: string;
  score: number;
  passPercent: number;
  passed: boolean;
  correct: number;
  total: number;
  /** Per objective; `answered` 0 means none of its questions was answered ("Not examined", percent null). */
  objectives: (ObjectiveScore & { answered: number; percent: number | null })[];
  items: {
    index: number;
    questionId: string;
    format: 'domc' | 'choice';
    multiple: boolean;
    objective: string;
    /** Objective id (groups items under `objectives`). */
    objectiveId: string;
    prompt: string;
    correct: boolean;
    /** correct / incorrect, or never answered (unseen) / left half-judged (unfinished): both score 0. */
    outcome: ItemOutcome;
    flagged: boolean;
    /** Every option in the attempt's order: whether it is right, and what the learner did with it. */
    options: { text: string; correct: boolean; response: 'yes' | 'no' | 'picked' | 'not-picked' | 'not-shown' }[];
    explanation: string | null;
    deck: string;
    line: number;
  }[];
}

export type ItemOutcome = 'correct' | 'incorrect' | 'unanswered' | 'unfinished';

function itemOutcome(q: Question | undefined, item: StoredItem, ans: StoredAnswer | undefined): ItemOutcome {
  if (!q) return 'incorrect';
  if (itemCorrect(q, item, ans)) return 'correct';
  const status = itemStatus(q, item, ans);
  return status === 'unseen' ? 'unanswered' : status === 'started' ? 'unfinished' : 'incorrect';
}

function titleOf(bank: Bank, state: AttemptState): string {
  const bp = bank.blueprints.find((b) => b.id === state.blueprintId);
  if (!bp) return 'Practice exam';
  return state.items.length === bp.questions ? bp.title : `Short practice: ${state.items.length} questions`;
}

function objectiveTitle(bank: Bank, state: AttemptState, id: string): string {
  return bank.blueprints.find((b) => b.id === state.blueprintId)?.objectives.find((o) => o.id === id)?.title ?? id;
}

function summaryDTO(bank: Bank, s: AttemptState): ExamSummaryDTO {
  return {
    id: s.id,
    title: titleOf(bank, s),
    questions: s.items.length,
    startedAt: s.startedAt.toISOString(),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    deadline: s.deadline.toISOString(),
    score: s.score,
    passed: s.passed,
    status: s.submittedAt ? 'submitted' : 'active',
  };
}

function itemDTO(bank: Bank, questions: Map<string, Question>, s: AttemptState, index: number): ExamItemDTO {
  const item = s.items[index];
  const q = questionOf(questions, item);
  const ans = s.answers[index];
  const choices = q.choices ?? [];
  const base = {
    index,
    format: item.format,
    multiple: q.type === 'multiple-choice',
    prompt: q.prompt,
    objective: objectiveTitle(bank, s, item.objective),
    flagged: s.flags.includes(index),
  };
  if (item.format === 'domc') {
    const responses = ans?.responses ?? [];
    const p = domcProgress(q, item, responses);
    const judged = responses.map((response, k) => ({ text: choices[item.choiceOrder[k]].text, response }));
    const next = p.finished ? null : { step: responses.length, text: choices[item.choiceOrder[responses.length]].text };
    return { ...base, domc: { judged, next } };
  }
  return {
    ...base,
    choice: {
      options: item.choiceOrder.map((orig, position) => ({ position, text: choices[orig].text })),
      selected: ans?.selected ?? [],
    },
  };
}

function viewDTO(bank: Bank, s: AttemptState, now: Date): ExamViewDTO {
  const questions = questionMap(bank);
  const nav = s.items.map((item, index) => {
    const q = questions.get(item.questionId);
    return { index, status: q ? itemStatus(q, item, s.answers[index]) : ('unseen' as ItemStatus), flagged: s.flags.includes(index) };
  });
  return {
    id: s.id,
    title: titleOf(bank, s),
    status: s.submittedAt ? 'submitted' : 'active',
    startedAt: s.startedAt.toISOString(),
    deadline: s.deadline.toISOString(),
    serverNow: now.toISOString(),
    total: s.items.length,
    answered: nav.filter((n) => n.status === 'answered').length,
    current: s.currentIndex,
    nav,
    item: itemDTO(bank, questions, s, s.currentIndex),
  };
}

function resultDTO(bank: Bank, s: AttemptState): ExamResultDTO {
  const questions = questionMap(bank);
  const bp = bank.blueprints.find((b) => b.id === s.blueprintId);
  const items = s.items.map((item, index) => {
    const q = questions.get(item.questionId);
    const ans = s.answers[index];
    const choices = q?.choices ?? [];
    const responses = ans?.responses ?? [];
    const picked = new Set(ans?.selected ?? []);
    const outcome = itemOutcome(q, item, ans);
    return {
      index,
      questionId: item.questionId,
      format: item.format,
      multiple: q?.type === 'multiple-choice',
      objective: objectiveTitle(bank, s, item.objective),
      objectiveId: item.objective,
      prompt: q?.prompt ?? '(This question is no longer in the bank.)',
      correct: outcome === 'correct',
      outcome,
      flagged: s.flags.includes(index),
      options: item.choiceOrder.map((orig, position) => ({
        text: choices[orig]?.text ?? '',
        correct: choices[orig]?.correct ?? false,
        response:
          item.format === 'domc'
            ? position < responses.length
              ? responses[position]
                ? ('yes' as const)
                : ('no' as const)
              : ('not-shown' as const)
            : picked.has(position)
              ? ('picked' as const)
              : ('not-picked' as const),
      })),
      explanation: q?.explanation ?? null,
      deck: q?.deck ?? '',
      line: q?.source.line ?? 0,
    };
  });
  const correct = items.filter((i) => i.correct).length;
  return {
    id: s.id,
    title: titleOf(bank, s),
    startedAt: s.startedAt.toISOString(),
    submittedAt: (s.submittedAt ?? s.deadline).toISOString(),
    score: s.score ?? 0,
    passPercent: bp?.passPercent ?? 70,
    passed: s.passed ?? false,
    correct,
    total: items.length,
    objectives: (s.perTopic ?? []).map((o) => {
      const answered = items.filter((i) => i.objectiveId === o.id && i.outcome !== 'unanswered').length;
      return { ...o, answered, percent: o.total && answered ? Math.round((o.correct / o.total) * 1000) / 10 : null };
    }),
    items,
  };
}

// ---------------------------------------------------------------------------
// Operations (each takes the caller's repo; the repo is built from the session, never from input)

export interface ExamContext {
  repo: AttemptRepo;
  bank: Bank;
  now: Date;
}

async function loadOwned(ctx: ExamContext, id: string): Promise<AttemptState> {
  const s = await ctx.repo.load(id);
  if (!s) throw new ExamError('not-found', 'No such exam attempt.');
  return s;
}

/** Load, auto-submitting an attempt whose time ran out. */
async function loadFresh(ctx: ExamContext, id: string): Promise<AttemptState> {
  const s = await loadOwned(ctx, id);
  if (!s.submittedAt && isOverdue(s, ctx.now)) return ctx.repo.save(finalize(ctx.bank, s, ctx.now));
  return s;
}

async function loadActive(ctx: ExamContext, id: string): Promise<AttemptState> {
  const s = await loadFresh(ctx, id);
  if (s.submittedAt) throw new ExamError('expired', isOverdue(s, ctx.now) ? 'Time is up: the exam was submitted.' : 'This exam has been submitted.');
  return s;
}

function checkItem(s: AttemptState, index: number): StoredItem {
  const item = s.items[index];
  if (!item) throw new ExamError('bad-request', `No item ${index + 1} in this exam.`);
  return item;
}

/**
 * Start an attempt: draw the items with lib/exam, shuffle each item's options with
 * the attempt's seed, set the deadline. Guests are limited to GUEST_MAX_QUESTIONS.
 */
export async function startExam(ctx: ExamContext, input: unknown, seed: number = randomInt(1, 2 ** 31 - 1)): Promise<ExamViewDTO> {
  const { blueprintId, size: requested, abandon } = parse(StartExamInputSchema, input);
  const bp = blueprintOf(ctx.bank, blueprintId);
  const open = await openAttempts(ctx);
  for (const s of open) {
    if (s.id !== abandon)
      throw new ExamError('in-progress', 'You have an exam in progress. Resume it, or abandon it (it is scored as it stands) to start a new one.', summaryDTO(ctx.bank, s));
  }
  for (const s of open) await ctx.repo.save(finalize(ctx.bank, s, ctx.now));
  const size = Math.min(requested ?? bp.questions, bp.questions);
  if (ctx.repo.kind === 'guest' && size > GUEST_MAX_QUESTIONS)
    throw new ExamError('forbidden', `Sign in to take exams longer than ${GUEST_MAX_QUESTIONS} questions.`);
  let drawn;
  try {
    drawn = drawExam(ctx.bank, bp, { seed, size });
  } catch (e) {
    throw new ExamError('bad-request', `This bank cannot supply that exam: ${(e as Error).message}`);
  }
  const questions = questionMap(ctx.bank);
  const next = mulberry32(seed ^ 0x5bd1e995);
  const items: StoredItem[] = drawn.map((d) => {
    const q = questions.get(d.questionId);
    const n = q?.choices?.length ?? 0;
    return { questionId: d.questionId, objective: d.objective, format: d.format, choiceOrder: shuffled(n, next), decoy: next() < 0.5 };
  });
  const minutes = size === bp.questions ? bp.minutes : scaledMinutes(bp, size);
  const created = await ctx.repo.create({
    blueprintId: bp.id,
    seed,
    items,
    answers: {},
    flags: [],
    currentIndex: 0,
    startedAt: ctx.now,
    deadline: new Date(ctx.now.getTime() + minutes * 60_000),
    submittedAt: null,
    score: null,
    passed: null,
    perTopic: null,
  });
  return viewDTO(ctx.bank, created, ctx.now);
}

/** The attempt as the learner sees it (auto-submits when its time is up). */
export async function getExamView(ctx: ExamContext, id: string): Promise<ExamViewDTO> {
  const s = await loadFresh(ctx, parse(attemptId, id));
  return viewDTO(ctx.bank, s, ctx.now);
}

/**
 * Judge the next option of a DOMC item. `step` must be the position the server last
 * offered; a repeat of an already recorded identical answer is accepted as a no-op.
 */
export async function answerDomc(ctx: ExamContext, input: unknown): Promise<ExamViewDTO> {
  const { attemptId: id, item: index, step, response } = parse(DomcAnswerInputSchema, input);
  let s = await loadActive(ctx, id);
  const item = checkItem(s, index);
  if (item.format !== 'domc') throw new ExamError('bad-request', 'This item is answered as a whole, not option by option.');
  const q = questionOf(questionMap(ctx.bank), item);
  const responses = s.answers[index]?.responses ?? [];
  if (step < responses.length) {
    if (responses[step] === response) return viewDTO(ctx.bank, { ...s, currentIndex: index }, ctx.now);
    throw new ExamError('conflict', 'That option was already answered; there is no going back.');
  }
  if (step > responses.length) throw new ExamError('conflict', 'That option has not been shown yet.');
  if (domcProgress(q, item, responses).finished) throw new ExamError('conflict', 'This item is already over.');
  s = {
    ...s,
    currentIndex: index,
    answers: { ...s.answers, [index]: { responses: [...responses, response] } },
  };
  s = await ctx.repo.save(s);
  return viewDTO(ctx.bank, s, ctx.now);
}

/** Record (or change) the picks of an ordinary choice item. */
export async function answerChoice(ctx: ExamContext, input: unknown): Promise<ExamViewDTO> {
  const { attemptId: id, item: index, selected } = parse(ChoiceAnswerInputSchema, input);
  let s = await loadActive(ctx, id);
  const item = checkItem(s, index);
  if (item.format !== 'choice') throw new ExamError('bad-request', 'This item is answered one option at a time.');
  const q = questionOf(questionMap(ctx.bank), item);
  const uniq = [...new Set(selected)].sort((a, b) => a - b);
  if (uniq.some((p) => p >= item.choiceOrder.length)) throw new ExamError('bad-request', 'No such option.');
  if (q.type === 'single-choice' && uniq.length > 1) throw new ExamError('bad-request', 'Pick one option.');
  s = { ...s, currentIndex: index, answers: { ...s.answers, [index]: { selected: uniq } } };
  s = await ctx.repo.save(s);
  return viewDTO(ctx.bank, s, ctx.now);
}

/** Flag or unflag an item for review. */
export async function flagItem(ctx: ExamContext, input: unknown): Promise<ExamViewDTO> {
  const { attemptId: id, item: index, flagged } = parse(FlagInputSchema, input);
  let s = await loadActive(ctx, id);
  checkItem(s, index);
  const flags = new Set(s.flags);
  if (flagged) flags.add(index);
  else flags.delete(index);
  s = await ctx.repo.save({ ...s, flags: [...flags].sort((a, b) => a - b) });
  return viewDTO(ctx.bank, s, ctx.now);
}

/** Move to another item (the learner may visit items in any order; judged DOMC options stay locked). */
export async function gotoItem(ctx: ExamContext, input: unknown): Promise<ExamViewDTO> {
  const { attemptId: id, item: index } = parse(GotoInputSchema, input);
  let s = await loadActive(ctx, id);
  checkItem(s, index);
  if (s.currentIndex !== index) s = await ctx.repo.save({ ...s, currentIndex: index });
  return viewDTO(ctx.bank, s, ctx.now);
}

/** Submit and score; submitting twice is harmless. Returns the attempt's summary. */
export async function submitExam(ctx: ExamContext, input: unknown): Promise<ExamSummaryDTO> {
  const { attemptId: id } = parse(AttemptInputSchema, input);
  let s = await loadFresh(ctx, id);
  if (!s.submittedAt) s = await ctx.repo.save(finalize(ctx.bank, s, ctx.now));
  return summaryDTO(ctx.bank, s);
}

/** The scored attempt with keys and explanations; refused until the attempt is submitted. */
export async function getExamResult(ctx: ExamContext, id: string): Promise<ExamResultDTO> {
  const s = await loadFresh(ctx, parse(attemptId, id));
  if (!s.submittedAt) throw new ExamError('forbidden', 'Results are available once the exam is submitted.');
  return resultDTO(ctx.bank, s);
}

/** The caller's unsubmitted attempts (after auto-submitting any whose time ran out). */
async function openAttempts(ctx: ExamContext): Promise<AttemptState[]> {
  const open: AttemptState[] = [];
  for (const s of await ctx.repo.list(20)) {
    if (s.submittedAt) continue;
    if (isOverdue(s, ctx.now)) await ctx.repo.save(finalize(ctx.bank, s, ctx.now));
    else open.push(s);
  }
  return open;
}

/** The caller's open attempt, if any (for the dashboard's "Resume" and the picker's prompt). */
export async function openAttempt(ctx: ExamContext): Promise<ExamSummaryDTO | null> {
  const [s] = await openAttempts(ctx);
  return s ? summaryDTO(ctx.bank, s) : null;
}

/** The caller's attempts, newest first (auto-submitting any whose time ran out). */
export async function listAttempts(ctx: ExamContext, limit = 50): Promise<ExamSummaryDTO[]> {
  const all = await ctx.repo.list(limit);
  const out: ExamSummaryDTO[] = [];
  for (let s of all) {
    if (!s.submittedAt && isOverdue(s, ctx.now)) s = await ctx.repo.save(finalize(ctx.bank, s, ctx.now));
    out.push(summaryDTO(ctx.bank, s));
  }
  return out;
}
