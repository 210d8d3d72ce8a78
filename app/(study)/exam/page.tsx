import type { Metadata } from 'next';
import { ExamHome } from '@/components/exam/ExamHome';
import { examOptions, listAttempts } from '@/server/exams';
import { examContext } from '@/server/exams/context';
import { startExamAction } from './actions';

export const metadata: Metadata = { title: 'Practice exam' };
export const dynamic = 'force-dynamic';

export default async function ExamPage() {
  const ctx = await examContext();
  return <ExamHome options={examOptions(ctx.bank)} attempts={await listAttempts(ctx)} guest={ctx.repo.kind === 'guest'} startAction={startExamAction} />;
}
