import 'server-only';
import { z } from 'zod';
import { StoreError } from '@/lib/srs';
import { bankVersion, loadBank } from './banks';
import { db as defaultDb, type Db } from './db';

/**
 * "Report a problem" on a question: free text from a learner, stored with the question id
 * and the version of the bank they saw, listed for the authors (/reports) and in the export.
 */

export const REPORT_MAX_CHARS = 2000;

export const ReportSourceSchema = z.enum(['flashcard', 'quiz', 'exam']);

export const ReportInputSchema = z
  .object({
    questionId: z.string().min(1, 'is missing').max(300),
    source: ReportSourceSchema,
    text: z
      .string()
      .trim()
      .min(5, 'say in a few words what is wrong (at least 5 characters)')
      .max(REPORT_MAX_CHARS, `keep it under ${REPORT_MAX_CHARS} characters`),
  })
  .strict();

export interface ReportDTO {
  id: string;
  questionId: string;
  bankVersion: string;
  source: z.infer<typeof ReportSourceSchema>;
  text: string;
  createdAt: string;
  /** Where the question is now (null when it left the bank). */
  question: { deck: string; file: string; line: number; prompt: string } | null;
}

/** Store one report; the reporter may be a guest (null). */
export async function reportProblem(userId: string | null, input: unknown, ctx: { db?: Db } = {}): Promise<{ id: string }> {
  const parsed = ReportInputSchema.safeParse(input);
  if (!parsed.success) throw StoreError.fromZod('invalid report', parsed.error);
  const { questionId, source, text } = parsed.data;
  if (!loadBank().byId.has(questionId)) throw new StoreError('not-found', `no question "${questionId}" in the bank`);
  const db = ctx.db ?? defaultDb;
  const row = await db.problemReport.create({ data: { userId, questionId, source, text, bankVersion: bankVersion() }, select: { id: true } });
  return row;
}

type ReportRow = { id: string; questionId: string; bankVersion: string; source: string; text: string; createdAt: Date };

function reportDTO(r: ReportRow): ReportDTO {
  const q = loadBank().byId.get(r.questionId);
  return {
    id: r.id,
    questionId: r.questionId,
    bankVersion: r.bankVersion,
    source: ReportSourceSchema.catch('flashcard').parse(r.source),
    text: r.text,
    createdAt: r.createdAt.toISOString(),
    question: q ? { deck: q.deck, file: q.source.file, line: q.source.line, prompt: q.prompt } : null,
  };
}

const SELECT = { id: true, questionId: true, bankVersion: true, source: true, text: true, createdAt: true } as const;

/** Every report, newest first (the authors' page). */
export async function listReports(ctx: { db?: Db; limit?: number } = {}): Promise<ReportDTO[]> {
  const db = ctx.db ?? defaultDb;
  const rows = await db.problemReport.findMany({ orderBy: { createdAt: 'desc' }, take: ctx.limit ?? 500, select: SELECT });
  return rows.map(reportDTO);
}

/** One learner's own reports (their data export). */
export async function reportsBy(userId: string, ctx: { db?: Db } = {}): Promise<ReportDTO[]> {
  const db = ctx.db ?? defaultDb;
  const rows = await db.problemReport.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: SELECT });
  return rows.map(reportDTO);
}
