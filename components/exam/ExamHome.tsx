import Link from 'next/link';
import { PageHeader, Table } from '@/components/ui';
import { formatPercent, plural } from '@/components/ui/format';
import type { ExamOption, ExamSummaryDTO } from '@/server/exams';
import { ScoreTrend } from './ScoreTrend';
import { StartExamForm, type StartExamAction } from './StartExamForm';
import s from './exam.module.css';

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) + ' UTC';
}

/** The exam page: resume an open attempt, start one of the offered exams, and the learner's past attempts. */
export function ExamHome({
  options,
  attempts,
  guest,
  startAction,
}: {
  options: ExamOption[];
  /** Newest first. */
  attempts: ExamSummaryDTO[];
  guest: boolean;
  startAction: StartExamAction;
}) {
  const active = attempts.find((a) => a.status === 'active');
  const done = attempts.filter((a) => a.status === 'submitted');

  return (
    <div className={s.page}>
      <PageHeader
        title="Practice exam"
        description={
          <>
            Timed and scored on the server, like the real DCA exam. Most questions use Discrete Option Multiple Choice:
            options appear one at a time, you answer <strong>Yes</strong> or <strong>No</strong> to each, and there is no
            going back.
          </>
        }
      />

      {active && (
        <p className={s.notice} role="status">
          You have an exam in progress: <strong>{active.title}</strong>.{' '}
          <Link href={`/exam/${encodeURIComponent(active.id)}`}>Resume it</Link>
        </p>
      )}

      <section className={s.section} aria-labelledby="start-heading">
        <h2 id="start-heading">Start an exam</h2>
        {options.length === 0 ? (
          <p className={s.notice}>No exam blueprint is defined yet. Add content/exam-blueprint.yaml and rebuild the bank.</p>
        ) : (
          <div className={s.options}>
            {options.map((o) => (
              <article key={`${o.blueprintId}-${o.questions}`} className={s.card} data-featured={o.full || undefined}>
                <h3>{o.full ? 'Full exam' : `${o.questions}-question practice`}</h3>
                <ul className={s.facts}>
                  <li>{plural(o.questions, 'question')}</li>
                  <li>{plural(o.minutes, 'minute')}</li>
                  <li>pass {o.passPercent}%</li>
                </ul>
                <p className={s.cardText}>
                  {o.full
                    ? `${o.title}: the real blueprint, objective by objective.`
                    : 'The same objectives, scaled down, at the real exam’s pace.'}
                </p>
                {guest && !o.guestAllowed ? (
                  <p className={s.cardText}>
                    <Link href="/signin?callbackUrl=/exam">Sign in</Link> to take the full exam and keep your history.
                  </p>
                ) : (
                  <StartExamForm action={startAction} blueprintId={o.blueprintId} label={o.full ? 'Start full exam' : `Start ${plural(o.questions, 'question')}`} primary={o.full} facts={o} />
                )}
              </article>
            ))}
          </div>
        )}
      </section>

      <section className={s.section} aria-labelledby="history-heading">
        <h2 id="history-heading">Your attempts</h2>
        {guest ? (
          <p className={s.notice}>
            As a guest you can take a short exam; your history is kept once you <Link href="/signup">create an account</Link>.
          </p>
        ) : done.length === 0 ? (
          <p className={s.notice}>No finished exams yet. Your scores and their trend will show here.</p>
        ) : (
          <>
            {done.length > 1 && <ScoreTrend points={[...done].reverse().map((a) => ({ score: a.score ?? 0, label: when(a.startedAt) }))} pass={options[0]?.passPercent ?? 70} />}
            <Table className={s.table} columns={[{ label: 'Date' }, { label: 'Exam', className: s.hideSmall }, { label: 'Result' }, { label: 'Score' }]}>
              {done.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/exam/${encodeURIComponent(a.id)}/result`}>{when(a.startedAt)}</Link>
                  </td>
                  <td className={s.hideSmall}>{a.title}</td>
                  <td>
                    <span className={s.badge} data-tone={a.passed ? 'pass' : 'fail'}>
                      {a.passed ? 'Pass' : 'Fail'}
                    </span>
                  </td>
                  <td>{formatPercent(a.score ?? 0)}</td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>
    </div>
  );
}
