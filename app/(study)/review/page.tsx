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
import { gradeCard, holdCardAction, releaseCardAction, sessionStatusAction, undoGrade } from './actions';
import { reportProblemAction } from '../reports/actions';
import { customStudySession, describeCustomStudy, parseCustomStudy } from '@/server/web/custom-study';
import { getSettings } from '@/server/settings';
import { plural } from '@/components/ui/format';
import { DeckParamSchema } from './schema';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const decks = DeckParamSchema.parse(sp.deck);
  const user = await getCurrentUser();
  const asked = parseCustomStudy(sp);
  // Custom study is a signed-in learner's: a guest gets the ordinary sample.
  const custom = user && asked && !('error' in asked) ? asked : null;
  const customError = user && asked && 'error' in asked ? asked.error : null;
  const bank = getBank();
  const hidden = await hiddenExamQuestionIds(bank);
  const session = await reviewSession(user?.id ?? null, decks, new Date(), hidden);
  const counts = session.counts;
  const cards = custom && user ? (await customStudySession(user.id, custom)).filter((c) => !hidden.has(c.questionId)) : session.cards;
  const heading = custom ? describeCustomStudy(custom) : null;
  const choiceMode = user ? (await getSettings(user.id)).choiceMode : 'pick';
  const deckOptions = bank.decks.map((d) => ({ id: d.id, title: d.title, count: d.questionCount }));
  const due = counts ? counts.dueToday + counts.learning : null;
  return (
    <div className="stack">
      <PageHeader
        eyebrow="Flashcards"
        title={heading?.title ?? 'Review'}
        description={
          heading ? (
            <>
              {heading.description} {plural(cards.length, 'card')} in this session. <Link href="/review">Back to your daily reviews</Link> · <Link href="/review/custom">Other custom study</Link>
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
      {!user && (
        <div className="alert alert--info" role="note">
          You are trying NetPrep as a guest: your answers are kept in this browser only. <Link href="/signup">Create a free account</Link> and they move into your account, with a schedule.
        </div>
      )}
      {hidden.size > 0 && (
        <div className="alert alert--info" role="note">
          Cards of your exam in progress are left out until you submit it. <Link href="/exam">Go to the exam</Link>
        </div>
      )}
      {customError && (
        <div className="alert alert--danger" role="alert">
          {customError}
        </div>
      )}
      {!custom && <DeckPicker decks={deckOptions} selected={decks} />}
      <ReviewSession
        cards={cards}
        grade={user ? gradeCard : undefined}
        undo={user ? undoGrade : undefined}
        hold={user ? holdCardAction : undefined}
        release={user ? releaseCardAction : undefined}
        status={user && !custom ? sessionStatusAction.bind(null, decks) : undefined}
        report={reportProblemAction}
        choiceMode={choiceMode}
        done={<DonePanel guest={!user} custom={!!custom} tomorrow={counts?.dueTomorrow ?? null} newAvailable={counts?.newAvailable} />}
      />
      {user && (
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
