import type { ComponentProps } from 'react';
import Link from 'next/link';
import { ExamReview, type ReviewFilter } from './ExamReview';
import s from './exam.module.css';

const FILTERS: Record<ReviewFilter, string> = { missed: 'Missed', flagged: 'Flagged', all: 'Every question' };

/** Which questions the review shows, from the `show` search parameter (missed by default). */
export function filterOf(v: string | string[] | undefined): ReviewFilter {
  return v === 'flagged' || v === 'all' ? v : 'missed';
}

/** Step through the missed (or flagged, or all) questions of a submitted exam: the filters, then the review. */
export function ExamReviewPage(props: ComponentProps<typeof ExamReview>) {
  const show = props.filter;
  return (
    <div className={s.page}>
      <nav className={s.filters} aria-label="Which questions">
        <Link className="btn btn--ghost btn--sm" href={`/exam/${encodeURIComponent(props.attemptId)}/result`}>
          ← Back to the result
        </Link>
        {(Object.keys(FILTERS) as ReviewFilter[]).map((f) => (
          <Link key={f} className={f === show ? 'btn btn--primary btn--sm' : 'btn btn--sm'} href={`?show=${f}`} aria-current={f === show ? 'page' : undefined}>
            {FILTERS[f]}
          </Link>
        ))}
      </nav>
      <ExamReview key={show} {...props} />
    </div>
  );
}
