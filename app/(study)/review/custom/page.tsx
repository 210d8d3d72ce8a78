import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentUser } from '@/server/session';
import { getBank } from '@/server/banks';
import { getCounts } from '@/server/cards';
import { customStudyCounts, topicsOf } from '@/server/web/custom-study';
import { ButtonLink, EmptyState, PageHeader } from '@/components/ui';
import { StudyMore } from '@/components/review/StudyMore';

export const metadata: Metadata = { title: 'Custom study' };

/** Study more, as Anki's "Custom study": one page with every way to study outside the daily queue. */
export default async function CustomStudyPage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="stack">
        <PageHeader eyebrow="Flashcards" title="Custom study" />
        <EmptyState title="Sign in to study more" actions={<><ButtonLink href="/signin" variant="primary">Sign in</ButtonLink><ButtonLink href="/review">Try the sample cards</ButtonLink></>}>
          Custom study works on your own schedule: extra new cards, one topic, the cards you failed, or review ahead.
        </EmptyState>
      </div>
    );
  }
  const bank = getBank();
  const [counts, daily] = await Promise.all([customStudyCounts(user.id), getCounts(user.id)]);
  return (
    <div className="stack" style={{ maxWidth: '46rem' }}>
      <PageHeader
        eyebrow="Flashcards"
        title="Custom study"
        description={
          <>
            Study outside today&apos;s queue. Grades count as usual: every card is rescheduled. <Link href="/review">Back to your daily reviews</Link>
          </>
        }
      />
      <StudyMore decks={bank.decks.map((d) => ({ id: d.id, title: d.title, count: d.questionCount }))} topics={topicsOf()} counts={counts} newAvailable={daily.newAvailable} />
    </div>
  );
}
