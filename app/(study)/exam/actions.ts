'use server';
import { redirect } from 'next/navigation';
import {
  answerChoice,
  answerDomc,
  ExamError,
  flagItem,
  gotoItem,
  startExam,
  submitExam,
  type ExamErrorKind,
  type ExamViewDTO,
} from '@/server/exams';
import { StoreError } from '@/lib/srs';
import { addToFlashcards } from '@/server/holds';
import { getCurrentUser } from '@/server/session';
import { examContext } from '@/server/exams/context';

export type ExamActionResult = { ok: true; view: ExamViewDTO } | { ok: false; kind: ExamErrorKind; message: string };

async function run(op: (ctx: Awaited<ReturnType<typeof examContext>>) => Promise<ExamViewDTO>): Promise<ExamActionResult> {
  const ctx = await examContext();
  try {
    const view = await op(ctx);
    return { ok: true, view };
  } catch (e) {
    if (e instanceof ExamError) return { ok: false, kind: e.kind, message: e.message };
    throw e;
  } finally {
    await ctx.persist();
  }
}

export type StartState = { error?: string; openAttempt?: { id: string; title: string; answered?: number } };

/**
 * Start an exam from the picker form, then open it. With an exam in progress, the form gets the open
 * attempt back and asks to resume it or abandon it (a second submit with `abandon=<its id>`).
 */
export async function startExamAction(_prev: StartState, form: FormData): Promise<StartState> {
  const ctx = await examContext();
  let id: string;
  try {
    const size = Number(form.get('size'));
    const abandon = form.get('abandon');
    const view = await startExam(ctx, {
      blueprintId: String(form.get('blueprintId') ?? ''),
      size: Number.isFinite(size) && size > 0 ? size : undefined,
      abandon: typeof abandon === 'string' && abandon ? abandon : undefined,
    });
    id = view.id;
  } catch (e) {
    if (e instanceof ExamError && e.kind === 'in-progress' && e.openAttempt)
      return { error: e.message, openAttempt: { id: e.openAttempt.id, title: e.openAttempt.title } };
    if (e instanceof ExamError) return { error: e.message };
    throw e;
  } finally {
    await ctx.persist();
  }
  redirect(`/exam/${encodeURIComponent(id)}`);
}

export async function answerDomcAction(input: unknown) {
  return run((ctx) => answerDomc(ctx, input));
}
export async function answerChoiceAction(input: unknown) {
  return run((ctx) => answerChoice(ctx, input));
}
export async function flagAction(input: unknown) {
  return run((ctx) => flagItem(ctx, input));
}
export async function gotoAction(input: unknown) {
  return run((ctx) => gotoItem(ctx, input));
}

/** Submit and score, then show the result. */
export async function submitAction(input: unknown): Promise<{ ok: false; message: string } | undefined> {
  const ctx = await examContext();
  let id: string;
  try {
    id = (await submitExam(ctx, input)).id;
  } catch (e) {
    if (e instanceof ExamError) return { ok: false, message: e.message };
    throw e;
  } finally {
    await ctx.persist();
  }
  redirect(`/exam/${encodeURIComponent(id)}/result`);
}

export type AddResult = { ok: true; due: string } | { ok: false; message: string };

/** "Add to flashcards" from an exam review: the question is due now in the learner's reviews. */
export async function addToFlashcardsAction(input: { attemptId: string; index: number; questionId: string; missed: boolean }): Promise<AddResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to keep flashcards.' };
  try {
    const r = await addToFlashcards(user.id, {
      questionId: input.questionId,
      ref: `exam-${String(input.attemptId).replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60)}-${Number(input.index) | 0}`,
      missed: input.missed === true,
    });
    return { ok: true, due: r.due };
  } catch (e) {
    if (e instanceof StoreError) return { ok: false, message: e.message };
    throw e;
  }
}
