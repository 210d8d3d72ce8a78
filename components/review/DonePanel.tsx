import Link from 'next/link';
import { IconCheck } from '@/components/ui';
import { plural } from '@/components/ui/format';
import styles from './review.module.css';

interface Props {
  /** Cards due tomorrow (signed in), or null when unknown (guests). */
  tomorrow: number | null;
  /** New cards still available today. */
  newAvailable?: number;
  guest: boolean;
  /** Whether the session reviewed anything (vs. nothing was due to begin with). */
  started?: boolean;
  /** The end of a custom study session. */
  custom?: boolean;
}

/** The calm end of a session: nothing more today, and what tomorrow holds. */
export function DonePanel({ tomorrow, newAvailable, guest, custom }: Props) {
  return (
    <section className={`card ${styles.done}`} aria-labelledby="done-title" data-testid="review-done">
      <div className={styles.doneIcon}><IconCheck width={28} height={28} /></div>
      <h2 id="done-title" style={{ margin: 0 }}>{guest ? 'That was the sample' : custom ? 'Custom session finished' : 'What next?'}</h2>
      {custom ? (
        <p className="muted" style={{ margin: 0, maxWidth: '32rem' }}>
          Every card of this session is graded and rescheduled. <Link href="/review">Back to your daily reviews</Link> or <Link href="/review/custom">study something else</Link>.
        </p>
      ) : guest ? (
        <p className="muted" style={{ margin: 0, maxWidth: '32rem' }}>
          Create a free account and NetPrep schedules every card for you, so each one comes back just before you would forget it.
        </p>
      ) : (
        <p className="muted" style={{ margin: 0, maxWidth: '32rem' }}>
          {tomorrow === null ? '' : tomorrow === 0 ? 'No review is scheduled for tomorrow yet.' : <>Tomorrow brings <strong className="num">{plural(tomorrow, 'card')}</strong>.</>}
          {newAvailable ? <> {plural(newAvailable, 'new card')} {newAvailable === 1 ? 'is' : 'are'} still available if you want more.</> : null} Or <Link href="/review/custom">study more</Link>: extra new cards, a topic, failed cards, review ahead.
        </p>
      )}
      <div className="cluster" style={{ justifyContent: 'center', marginTop: '0.5rem' }}>
        {guest ? (
          <Link href="/signup" className="btn btn--primary">Create a free account</Link>
        ) : (
          <Link href="/quiz" className="btn btn--primary">Take a quiz</Link>
        )}
        <Link href="/lab" className="btn">Practise in the lab</Link>
        <Link href="/stats" className="btn btn--ghost">See your stats</Link>
      </div>
    </section>
  );
}
