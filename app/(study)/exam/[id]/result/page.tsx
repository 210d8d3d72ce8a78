import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ExamError, getExamResult } from '@/server/exams';
import { Markdown } from '@/components/quiz/Markdown';
import { ScoreRing } from '@/components/exam/ScoreRing';
import { examContext } from '../../context';
import s from '@/components/exam/exam.module.css';

export const metadata: Metadata = { title: 'Exam result' };
export const dynamic = 'force-dynamic';

const RESPONSE_LABEL = {
  yes: 'you said Yes',
  no: 'you said No',
  picked: 'your pick',
  'not-picked': '',
  'not-shown': 'not shown',
} as const;

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
  const minutes = Math.max(1, Math.round((new Date(r.submittedAt).getTime() - new Date(r.startedAt).getTime()) / 60_000));
  const missed = r.items.filter((i) => !i.correct).length;

  return (
    <div className={s.page}>
      <section className={s.scoreHead} aria-labelledby="result-heading">
        <ScoreRing score={r.score} pass={r.passPercent} passed={r.passed} />
        <div>
          <p className={s.eyebrow}>{r.title}</p>
          <h1 id="result-heading" className={s.verdict} data-pass={r.passed || undefined}>
            {r.passed ? 'Passed' : 'Not passed yet'}
          </h1>
          <p className={s.lede}>
            {r.correct} of {r.total} correct ({r.score}%) · pass mark {r.passPercent}% · {minutes} min
          </p>
          <p className={s.row} style={{ marginTop: '1rem' }}>
            <Link className="btn btn--primary" href="/exam">
              Take another exam
            </Link>
            {missed > 0 && (
              <a className="btn" href="#review">
                Review the {missed} missed
              </a>
            )}
          </p>
        </div>
      </section>

      <section className={s.section} aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">Score by objective</h2>
        <ul className={s.bars}>
          {r.objectives.map((o) => (
            <li key={o.id}>
              <div className={s.barLine}>
                <span>{o.title}</span>
                <span>
                  {o.correct}/{o.total} · <strong>{o.percent}%</strong>
                </span>
              </div>
              <div className={s.barTrack} data-low={o.percent < r.passPercent || undefined} aria-hidden="true">
                <span style={{ width: `${o.percent}%` }} />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className={s.section} aria-labelledby="review-heading" id="review">
        <h2 id="review-heading">Every question</h2>
        <ol className={s.review}>
          {r.items.map((it) => (
            <li key={it.index} className={s.reviewItem} data-ok={it.correct || undefined}>
              {/* Misses open, correct answers folded: a 55-question review stays scannable. */}
              <details open={!it.correct}>
              <summary>
                <span className={s.reviewHead}>
                  <span>
                    Question {it.index + 1} · {it.objective} · {it.format === 'domc' ? 'DOMC' : it.multiple ? 'multiple choice' : 'single choice'}
                  </span>
                  <span className={s.badge} data-tone={it.correct ? 'pass' : 'fail'}>
                    {it.correct ? 'Correct' : 'Incorrect'}
                  </span>
                </span>
                <Markdown text={it.prompt} inline className={s.summaryPrompt} />
              </summary>
              <ul className={s.reviewOptions}>
                {it.options.map((o, k) => (
                  <li key={k} data-correct={o.correct || undefined}>
                    <span>
                      <span className={s.srOnly}>{o.correct ? 'Correct option: ' : 'Wrong option: '}</span>
                      <span aria-hidden="true">{o.correct ? '✓ ' : '✗ '}</span>
                      <Markdown text={o.text} inline />
                    </span>
                    <span className={s.optMeta}>{RESPONSE_LABEL[o.response]}</span>
                  </li>
                ))}
              </ul>
              {it.explanation && <Markdown text={it.explanation} className={s.explanation} />}
              {it.deck && (
                <p className={s.optMeta}>
                  <Link href={`/decks/${encodeURIComponent(it.deck)}#L${it.line}`}>Read the note</Link>
                </p>
              )}
              </details>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
