import type { ComponentProps } from 'react';
import Link from 'next/link';
import type { ReviewSessionView } from '@/server/web/review';
import { PageHeader } from '@/components/ui';
import { plural } from '@/components/ui/format';
import { ReviewSession } from './ReviewSession';
import { DonePanel } from './DonePanel';
import { DeckPicker } from './DeckPicker';

type SessionProps = Omit<ComponentProps<typeof ReviewSession>, 'done'>;

/** The review page: today's counts (or what a custom study session holds), notices, the deck picker and the flashcards. */
export function ReviewPage({
  signedIn,
  counts,
  custom,
  customError,
  examHidesCards,
  decks,
  selectedDecks,
  ...session
}: SessionProps & {
  signedIn: boolean;
  counts: ReviewSessionView['counts'];
  /** The custom study session's title and description; null for the daily reviews. */
  custom: { title: string; description: string } | null;
  /** Why the asked custom study was refused; null when it was not. */
  customError: string | null;
  /** An exam in progress holds some cards back. */
  examHidesCards: boolean;
  decks: ComponentProps<typeof DeckPicker>['decks'];
  selectedDecks: string[];
}) {
  const due = counts ? counts.dueToday + counts.learning : null;
  return (
    <div className="stack">
      <PageHeader
        eyebrow="Flashcards"
        title={custom?.title ?? 'Review'}
        description={
          custom ? (
            <>
              {custom.description} {plural(session.cards.length, 'card')} in this session. <Link href="/review">Back to your daily reviews</Link> · <Link href="/review/custom">Other custom study</Link>
            </>
          ) : counts ? (
            <>
              Today: <strong className="num">{due}</strong> due, <strong className="num">{counts.newAvailable}</strong> new, <strong className="num">{counts.reviewsDoneToday + counts.newStudiedToday}</strong> done before this visit. The counts above the card follow every grade.
            </>
          ) : (
            'Recall the answer, reveal it, then grade how well you knew it.'
          )
        }
      />
      {!signedIn && (
        <div className="alert alert--info" role="note">
          You are trying NetPrep as a guest: your answers are kept in this browser only. <Link href="/signup">Create a free account</Link> and they move into your account, with a schedule.
        </div>
      )}
      {examHidesCards && (
        <div className="alert alert--info" role="note">
          Cards of your exam in progress are left out until you submit it. <Link href="/exam">Go to the exam</Link>
        </div>
      )}
      {customError && (
        <div className="alert alert--danger" role="alert">
          {customError}
        </div>
      )}
      {!custom && <DeckPicker decks={decks} selected={selectedDecks} />}
      <ReviewSession {...session} done={<DonePanel guest={!signedIn} custom={!!custom} tomorrow={counts?.dueTomorrow ?? null} newAvailable={counts?.newAvailable} />} />
      {signedIn && (
        <p className="small" style={{ margin: 0 }}>
          <Link href="/review/custom" className="btn btn--ghost btn--sm" data-testid="study-more-link">
            Study more (custom study)
          </Link>{' '}
          <span className="muted">extra new cards, one deck or topic, failed cards, review ahead</span>
        </p>
      )}
    </div>
  );
}
