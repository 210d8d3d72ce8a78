import { DEADLINE_GRACE_MS, questionMap, type AttemptBank, type AttemptState, type ObjectiveScore, type StoredAnswer, type StoredItem } from './attempt';
import type { ExamQuestionInput } from './schema';

/** Judging items and scoring an attempt: pure, from the stored state and the bank. */

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
export function domcProgress(q: ExamQuestionInput, item: StoredItem, responses: readonly boolean[]): DomcProgress {
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

function choiceCorrect(q: ExamQuestionInput, item: StoredItem, selected: readonly number[]): boolean {
  const picked = new Set(selected.map((p) => item.choiceOrder[p]));
  return (q.choices ?? []).every((c, i) => c.correct === picked.has(i));
}

function itemCorrect(q: ExamQuestionInput, item: StoredItem, ans: StoredAnswer | undefined): boolean {
  if (item.format === 'domc') return domcProgress(q, item, ans?.responses ?? []).correct === true;
  return choiceCorrect(q, item, ans?.selected ?? []);
}

export type ItemStatus = 'unseen' | 'started' | 'answered';

/** Where the learner is with an item: not shown yet, half-judged (DOMC), or answered. */
export function itemStatus(q: ExamQuestionInput, item: StoredItem, ans: StoredAnswer | undefined): ItemStatus {
  if (item.format === 'domc') {
    const r = ans?.responses ?? [];
    if (r.length === 0) return 'unseen';
    return domcProgress(q, item, r).finished ? 'answered' : 'started';
  }
  return (ans?.selected?.length ?? 0) > 0 ? 'answered' : 'unseen';
}

export type ItemOutcome = 'correct' | 'incorrect' | 'unanswered' | 'unfinished';

/** How a submitted item ended; an item whose question left the bank counts as incorrect. */
export function itemOutcome(q: ExamQuestionInput | undefined, item: StoredItem, ans: StoredAnswer | undefined): ItemOutcome {
  if (!q) return 'incorrect';
  if (itemCorrect(q, item, ans)) return 'correct';
  const status = itemStatus(q, item, ans);
  return status === 'unseen' ? 'unanswered' : status === 'started' ? 'unfinished' : 'incorrect';
}

/** Score an attempt (pure). */
export function scoreAttempt(bank: AttemptBank, state: AttemptState): { score: number; passed: boolean; perTopic: ObjectiveScore[] } {
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

/** The attempt scored and submitted (at its deadline when it ran out of time). */
export function finalize(bank: AttemptBank, state: AttemptState, now: Date): AttemptState {
  const { score, passed, perTopic } = scoreAttempt(bank, state);
  // An attempt that ran out of time is recorded as submitted at its deadline.
  const submittedAt = now.getTime() > state.deadline.getTime() ? state.deadline : now;
  return { ...state, submittedAt, score, passed, perTopic };
}

/** Whether the attempt's time (plus the grace for answers in flight) is up. */
export function isOverdue(state: AttemptState, now: Date): boolean {
  return now.getTime() > state.deadline.getTime() + DEADLINE_GRACE_MS;
}
