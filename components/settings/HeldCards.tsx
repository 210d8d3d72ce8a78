import Link from 'next/link';
import type { HeldCardView } from '@/server/web/holds';
import { Badge } from '@/components/ui';
import { plural } from '@/components/ui/format';

interface Props {
  cards: HeldCardView[];
  /** Server action: release the card named by the form's `questionId` (or every held card with `all`). */
  release: (form: FormData) => Promise<void>;
  /** The learner's time zone, for the dates. */
  timeZone: string;
}

function day(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/**
 * Suspended and buried cards (Anki's "suspended" browser filter, in short): each with its
 * prompt, deck and since when, and a button that puts it back into the review queue.
 * Plain forms, so it works before any JavaScript loads.
 */
export function HeldCards({ cards, release, timeZone }: Props) {
  if (cards.length === 0) {
    return (
      <p className="muted small" data-testid="held-cards-empty">
        No card is suspended or buried. In a review, <kbd>S</kbd> suspends the card in front and <kbd>B</kbd> buries it until tomorrow.
      </p>
    );
  }
  const suspended = cards.filter((c) => c.kind === 'suspended').length;
  return (
    <div className="stack stack-sm" data-testid="held-cards">
      <div className="cluster cluster-sm" style={{ justifyContent: 'space-between' }}>
        <p className="small muted" style={{ margin: 0 }}>
          {plural(suspended, 'suspended card')}, {plural(cards.length - suspended, 'buried card')}. Released cards come back in your next review.
        </p>
        {cards.length > 1 && (
          <form action={release}>
            <input type="hidden" name="all" value="1" />
            <button type="submit" className="btn btn--ghost btn--sm">Release all {cards.length}</button>
          </form>
        )}
      </div>
      <ul className="stack stack-sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {cards.map((c) => (
          <li key={c.questionId} className="card" style={{ padding: '0.75rem 1rem' }} data-testid="held-card">
            <p style={{ margin: 0 }}>{c.prompt}</p>
            <div className="cluster cluster-sm small muted" style={{ justifyContent: 'space-between', marginTop: '0.4rem' }}>
              <span className="cluster cluster-sm">
                <Badge tone={c.kind === 'suspended' ? 'warning' : 'info'}>{c.kind === 'suspended' ? 'Suspended' : 'Buried'}</Badge>
                {c.href ? <Link href={c.href}>{c.deckTitle}</Link> : <span>{c.deckTitle}</span>}
                <span>
                  since {day(c.since, timeZone)}
                  {c.until && <>, back {day(c.until, timeZone)}</>}
                </span>
              </span>
              <form action={release}>
                <input type="hidden" name="questionId" value={c.questionId} />
                <button type="submit" className="btn btn--sm" aria-label={`${c.kind === 'suspended' ? 'Unsuspend' : 'Unbury'}: ${c.prompt}`}>
                  {c.kind === 'suspended' ? 'Unsuspend' : 'Unbury'}
                </button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
