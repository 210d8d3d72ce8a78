import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ExamError, getExamResult } from '@/server/exams';
import { getCurrentUser } from '@/server/session';
import { ExamReview, type ReviewFilter } from '@/components/exam/ExamReview';
import { reportProblemAction } from '../../../reports/actions';
import { addToFlashcardsAction } from '../../actions';
import { examContext } from '@/server/exams/context';
import s from '@/components/exam/exam.module.css';

export const metadata: Metadata = { title: 'Exam review' };
export const dynamic = 'force-dynamic';

const FILTERS: Record<ReviewFilter, string> = { missed: 'Missed', flagged: 'Flagged', all: 'Every question' };

function filterOf(v: string | string[] | undefined): ReviewFilter {
  return v === 'flagged' || v === 'all' ? v : 'missed';
}

/** Step through the missed (or flagged) questions of a submitted exam, one at a time. */
export default async function ExamReviewPage({
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
  const items = r.items.filter((i) => (show === 'missed' ? !i.correct : show === 'flagged' ? i.flagged : true));
  const resultHref = `/exam/${encodeURIComponent(r.id)}/result`;
  return (
    <div className={s.page}>
      <nav className={s.filters} aria-label="Which questions">
        <Link className="btn btn--ghost btn--sm" href={resultHref}>
          ← Back to the result
        </Link>
        {(Object.keys(FILTERS) as ReviewFilter[]).map((f) => (
          <Link key={f} className={f === show ? 'btn btn--primary btn--sm' : 'btn btn--sm'} href={`?show=${f}`} aria-current={f === show ? 'page' : undefined}>
            {FILTERS[f]}
          </Link>
        ))}
      </nav>
      <ExamReview
        key={show}
        attemptId={r.id}
        title={r.title}
        filter={show}
        items={items}
        signedIn={!!user}
        addToFlashcards={addToFlashcardsAction}
        report={reportProblemAction}
      />
    </div>
  );
}
