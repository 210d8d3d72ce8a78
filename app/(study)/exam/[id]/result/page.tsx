import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ExamError, getExamResult } from '@/server/exams';
import { ExamResult } from '@/components/exam/ExamResult';
import { examContext } from '@/server/exams/context';

export const metadata: Metadata = { title: 'Exam result' };
export const dynamic = 'force-dynamic';

export default async function ExamResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await examContext();
  let r;
  try {
    r = await getExamResult(ctx, decodeURIComponent(id));
  } catch (e) {
    if (e instanceof ExamError && e.kind === 'forbidden') redirect(`/exam/${encodeURIComponent(decodeURIComponent(id))}`);
    if (e instanceof ExamError) notFound();
    throw e;
  }
  return <ExamResult result={r} />;
}
