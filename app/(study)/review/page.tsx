import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentUser } from '@/server/session';
import { getBank } from '@/server/banks';
import { reviewSession } from '@/server/web/review';
import { hiddenExamQuestionIds } from '@/server/exam-guard';
import { PageHeader } from '@/components/ui';
import { ReviewSession } from '@/components/review/ReviewSession';
import { DonePanel } from '@/components/review/DonePanel';
import { DeckPicker } from '@/components/review/DeckPicker';
import { gradeCard, undoGrade } from './actions';
import { DeckParamSchema } from './schema';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const decks = DeckParamSchema.parse((await searchParams).deck);
  const user = await getCurrentUser();
  const bank = getBank();
  const hidden = await hiddenExamQuestionIds(bank);
  const { cards, counts } = await reviewSession(user?.id ?? null, decks, new Date(), hidden);
  const deckOptions = bank.decks.map((d) => ({ id: d.id, title: d.title, count: d.questionCount }));
  const due = counts ? counts.dueToday + counts.learning : null;
  return (
    <div className="stack">
      <PageHeader
        eyebrow="Flashcards"
        title="Review"
        description={
          counts ? (
            <><strong className="num">{due}</strong> due · <strong className="num">{counts.newAvailable}</strong> new available · <strong className="num">{counts.reviewsDoneToday + counts.newStudiedToday}</strong> done today</>
          ) : (
            'Recall the answer, reveal it, then grade how well you knew it.'
          )
        }
      />
      {!user && (
        <div className="alert alert--info" role="note">
          You are trying NetPrep as a guest: your answers are not saved. <Link href="/signup">Create a free account</Link> to keep your progress and get a schedule.
        </div>
      )}
      {hidden.size > 0 && (
        <div className="alert alert--info" role="note">
          Cards of your exam in progress are left out until you submit it. <Link href="/exam">Go to the exam</Link>
        </div>
      )}
      <DeckPicker decks={deckOptions} selected={decks} />
      <ReviewSession
        cards={cards}
        grade={user ? gradeCard : undefined}
        undo={user ? undoGrade : undefined}
        done={<DonePanel guest={!user} tomorrow={counts?.dueTomorrow ?? null} newAvailable={counts?.newAvailable} />}
      />
    </div>
  );
}
