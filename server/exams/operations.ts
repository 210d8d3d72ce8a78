import 'server-only';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  attemptItems,
  blueprintOf,
  domcProgress,
  drawExam,
  ExamError,
  finalize,
  isOverdue,
  questionMap,
  questionOf,
  scaledMinutes,
  type AttemptState,
  type StoredItem,
} from '@/lib/exam';
import type { Bank } from '@/server/banks';
import { summaryDTO, viewDTO, resultDTO, type ExamSummaryDTO, type ExamViewDTO, type ExamResultDTO } from './dto';
import { GUEST_MAX_QUESTIONS, type AttemptRepo } from './repo';

/** The exam operations: each takes the caller's repo; the repo is built from the session, never from input. */

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
// Operations

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
  const items = attemptItems(questionMap(ctx.bank), drawn, seed);
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
