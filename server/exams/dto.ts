import 'server-only';
import {
  domcProgress,
  itemOutcome,
  itemStatus,
  questionMap,
  questionOf,
  type AttemptState,
  type ItemOutcome,
  type ItemStatus,
  type ObjectiveScore,
} from '@/lib/exam';
import type { Bank, Question } from '@/server/banks';

/** The exam DTOs: all the browser ever sees. Before submission none carries a key, an explanation, or an unshown option. */

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

function titleOf(bank: Bank, state: AttemptState): string {
  const bp = bank.blueprints.find((b) => b.id === state.blueprintId);
  if (!bp) return 'Practice exam';
  return state.items.length === bp.questions ? bp.title : `Short practice: ${state.items.length} questions`;
}

function objectiveTitle(bank: Bank, state: AttemptState, id: string): string {
  return bank.blueprints.find((b) => b.id === state.blueprintId)?.objectives.find((o) => o.id === id)?.title ?? id;
}

export function summaryDTO(bank: Bank, s: AttemptState): ExamSummaryDTO {
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

export function viewDTO(bank: Bank, s: AttemptState, now: Date): ExamViewDTO {
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

export function resultDTO(bank: Bank, s: AttemptState): ExamResultDTO {
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
