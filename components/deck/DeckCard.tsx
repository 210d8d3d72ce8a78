import Link from 'next/link';
import { Card } from '@/components/ui';
import { MasteryMeter } from './MasteryMeter';
import { TypeCounts } from './TypeCounts';
import type { DeckSummary } from './types';
import styles from './deck.module.css';
import { plural } from '@/components/ui/format';

/** A deck on the /decks page: title, counts by type, and its topics with mastery. */
export function DeckCard({ deck }: { deck: DeckSummary }) {
  return (
    <Card as="article" interactive className={styles.deckCard} aria-labelledby={`deck-${deck.id}`}>
      <div className="spread">
        <h2 className={styles.deckTitle} id={`deck-${deck.id}`}>
          <Link href={`/decks/${deck.id}`} className="card-link">{deck.title}</Link>
        </h2>
        <span className="muted small num">{plural(deck.questionCount, 'question')}</span>
      </div>
      {deck.description && <p className="muted small" style={{ margin: 0 }}>{deck.description}</p>}
      <TypeCounts byType={deck.byType} />
      {deck.mastery && <MasteryMeter mastery={deck.mastery} label={deck.title} />}
      {deck.topics.length > 0 && (
        <details className={styles.topics}>
          <summary>{plural(deck.topics.length, 'topic')}</summary>
          <ul className={styles.topicList}>
            {deck.topics.map((t) => (
              <li key={t.path.join('/')} className={styles.topicRow}>
                <span className={styles.topicName}>{t.path.join(' › ')}</span>
                <span className="faint small num">{t.questionCount}</span>
                {t.mastery && <span className={styles.topicMeter}><MasteryMeter mastery={t.mastery} label={t.path.join(' › ')} /></span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
