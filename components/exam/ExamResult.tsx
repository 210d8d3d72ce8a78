import Link from 'next/link';
import type { ExamResultDTO } from '@/server/exams';
import { Markdown } from '@/components/quiz/Markdown';
import { ScoreRing } from './ScoreRing';
import { ItemKey, OUTCOME } from './ItemKey';
import { formatPercent, plural } from '@/components/ui/format';
import s from './exam.module.css';

/** A submitted exam: the verdict, the score by objective, and every question with its key. */
export function ExamResult({ result: r }: { result: ExamResultDTO }) {
  const minutes = Math.max(1, Math.round((new Date(r.submittedAt).getTime() - new Date(r.startedAt).getTime()) / 60_000));
  const missed = r.items.filter((i) => !i.correct).length;
  const flagged = r.items.filter((i) => i.flagged).length;
  const unanswered = r.items.filter((i) => i.outcome === 'unanswered').length;
  const base = `/exam/${encodeURIComponent(r.id)}/review`;

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
            {r.correct} of {r.total} correct ({formatPercent(r.score)}) · pass mark {formatPercent(r.passPercent)} · {plural(minutes, 'minute')}
            {unanswered > 0 && <> · {unanswered} not answered</>}
          </p>
          <p className={s.row} style={{ marginTop: '1rem' }}>
            <Link className="btn btn--primary" href="/exam">
              Take another exam
            </Link>
            {missed > 0 && (
              <Link className="btn" href={`${base}?show=missed`}>
                Review the {missed} missed
              </Link>
            )}
            {flagged > 0 && (
              <Link className="btn" href={`${base}?show=flagged`}>
                Review the {flagged} flagged
              </Link>
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
                {o.percent === null ? (
                  <span className={s.optMeta}>Not examined · {plural(o.total, 'question')} left unanswered</span>
                ) : (
                  <span>
                    {o.correct}/{o.total} · <strong>{formatPercent(o.percent)}</strong>
                  </span>
                )}
              </div>
              <div className={s.barTrack} data-low={(o.percent !== null && o.percent < r.passPercent) || undefined} data-none={o.percent === null || undefined} aria-hidden="true">
                <span style={{ width: `${o.percent ?? 0}%` }} />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className={s.section} aria-labelledby="review-heading" id="review">
        <h2 id="review-heading">Every question</h2>
        <ol className={s.review}>
          {r.items.map((it) => (
            <li key={it.index} className={s.reviewItem} data-ok={it.correct || undefined} data-skipped={it.outcome === 'unanswered' || it.outcome === 'unfinished' || undefined}>
              {/* Misses open, correct answers folded: a 55-question review stays scannable. */}
              <details open={it.outcome === 'incorrect'}>
              <summary>
                <span className={s.reviewHead}>
                  <span>
                    Question {it.index + 1} · {it.objective} · {it.format === 'domc' ? 'DOMC' : it.multiple ? 'multiple choice' : 'single choice'}
                  </span>
                  <span className={s.badge} data-tone={OUTCOME[it.outcome].tone}>
                    {OUTCOME[it.outcome].label}
                    {it.flagged && ' · flagged'}
                  </span>
                </span>
                <Markdown text={it.prompt} inline className={s.summaryPrompt} />
              </summary>
              <ItemKey options={it.options} />
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
