import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ExamError, getExamResult } from '@/server/exams';
import { getCurrentUser } from '@/server/session';
import { ExamReviewPage, filterOf } from '@/components/exam/ExamReviewPage';
import { reportProblemAction } from '../../../reports/actions';
import { addToFlashcardsAction } from '../../actions';
import { examContext } from '@/server/exams/context';

export const metadata: Metadata = { title: 'Exam review' };
export const dynamic = 'force-dynamic';

/** Step through the missed (or flagged) questions of a submitted exam, one at a time. */
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = decodeURIComponent((await params).id);
  const show = filterOf((await searchParams).show);
  const ctx = await examContext();
  let r;
  try {
    r = await getExamResult(ctx, id);
  } catch (e) {
    if (e instanceof ExamError && e.kind === 'forbidden') redirect(`/exam/${encodeURIComponent(id)}`);
    if (e instanceof ExamError) notFound();
    throw e;
  }
  const user = await getCurrentUser();
  return (
    <ExamReviewPage
      attemptId={r.id}
      title={r.title}
      filter={show}
      items={r.items.filter((i) => (show === 'missed' ? !i.correct : show === 'flagged' ? i.flagged : true))}
      signedIn={!!user}
      addToFlashcards={addToFlashcardsAction}
      report={reportProblemAction}
    />
  );
}
