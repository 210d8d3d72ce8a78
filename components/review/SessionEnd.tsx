'use client';
import { useEffect, useState } from 'react';
import type { SessionStatus } from '@/server/web/review';
import { formatDuration, formatPercent, plural } from '@/components/ui/format';
import { Table } from '@/components/ui/Table';
import type { Grade, ReviewCardView } from './types';
import styles from './review.module.css';

export interface DoneStep {
  deckTitle: string;
  grade: Grade;
  durationMs: number;
}

/**
 * The end of a session, told truthfully: learning cards coming back later today with a
 * countdown that resumes the session by itself, then the session's summary (cards, accuracy
 * per deck, time, what is due tomorrow).
 */
export function SessionEnd({
  steps,
  load,
  onResume,
}: {
  steps: DoneStep[];
  load: () => Promise<SessionStatus | null>;
  onResume: (cards: ReviewCardView[]) => void;
}) {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    load()
      .then((s) => {
        if (!live || !s) return;
        if (s.cards.length) onResume(s.cards);
        else setStatus(s);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [load, onResume]);

  // Tick once a second while a card is coming back; at its due time, fetch and resume.
  const nextDue = status?.nextDue ? new Date(status.nextDue).getTime() : null;
  useEffect(() => {
    if (nextDue === null) return;
    const t = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= nextDue) {
        clearInterval(t);
        load()
          .then((s) => {
            if (s?.cards.length) onResume(s.cards);
            else if (s) setStatus(s);
          })
          .catch(() => undefined);
      }
    }, 1000);
    return () => clearInterval(t);
  }, [nextDue, load, onResume]);

  const byDeck = new Map<string, { n: number; ok: number }>();
  for (const s of steps) {
    const d = byDeck.get(s.deckTitle) ?? { n: 0, ok: 0 };
    d.n++;
    if (s.grade > 1) d.ok++;
    byDeck.set(s.deckTitle, d);
  }
  const time = steps.reduce((t, s) => t + s.durationMs, 0);
  const left = nextDue === null ? 0 : Math.max(0, nextDue - now);
  const mm = Math.floor(left / 60_000);
  const ss = Math.floor((left % 60_000) / 1000);

  return (
    <section className={`card ${styles.end}`} aria-labelledby="end-title" data-testid="session-end">
      {status && status.laterToday > 0 ? (
        <div className={styles.comingBack} data-testid="coming-back">
          <h2 id="end-title" style={{ margin: 0 }}>
            {plural(status.laterToday, 'card comes', 'cards come')} back later today
          </h2>
          <p style={{ margin: 0 }}>
            The next one is due in{' '}
            <strong className="num" data-testid="coming-back-countdown">
              {mm}:{String(ss).padStart(2, '0')}
            </strong>
            . Keep this page open: the session resumes by itself.
          </p>
        </div>
      ) : (
        <h2 id="end-title" style={{ margin: 0 }}>
          {status ? 'Nothing else is due today' : 'Checking what comes next…'}
        </h2>
      )}
      {steps.length > 0 && (
        <div className={styles.summary} data-testid="session-summary">
          <h3 style={{ margin: 0 }}>This session</h3>
          <p style={{ margin: 0 }}>
            {plural(steps.length, 'card')} in {formatDuration(time)}
            {status && <> · {status.dueTomorrow} due tomorrow</>}
          </p>
          <Table className={styles.summaryTable} columns={[{ label: 'Deck' }, { label: 'Cards' }, { label: 'Recalled' }]}>
            {[...byDeck].map(([deck, d]) => (
              <tr key={deck}>
                <td>{deck}</td>
                <td className="num">{d.n}</td>
                <td className="num">{formatPercent((d.ok / d.n) * 100)}</td>
              </tr>
            ))}
          </Table>
        </div>
      )}
    </section>
  );
}
