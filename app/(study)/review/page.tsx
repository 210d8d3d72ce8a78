import type { Metadata } from 'next';
import { getCurrentUser } from '@/server/session';
import { getBank } from '@/server/banks';
import { reviewSession } from '@/server/web/review';
import { hiddenExamQuestionIds } from '@/server/exam-guard';
import { ReviewPage } from '@/components/review/ReviewPage';
import { gradeCard, holdCardAction, releaseCardAction, sessionStatusAction, undoGrade } from './actions';
import { reportProblemAction } from '../reports/actions';
import { customStudySession, describeCustomStudy, parseCustomStudy } from '@/server/web/custom-study';
import { getSettings } from '@/server/settings';
import { DeckParamSchema } from './schema';

export const metadata: Metadata = { title: 'Review' };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
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
  const cards = custom && user ? (await customStudySession(user.id, custom)).filter((c) => !hidden.has(c.questionId)) : session.cards;
  const choiceMode = user ? (await getSettings(user.id)).choiceMode : 'pick';
  return (
    <ReviewPage
      signedIn={!!user}
      counts={session.counts}
      custom={custom ? describeCustomStudy(custom) : null}
      customError={customError}
      examHidesCards={hidden.size > 0}
      decks={bank.decks.map((d) => ({ id: d.id, title: d.title, count: d.questionCount }))}
      selectedDecks={decks}
      cards={cards}
      grade={user ? gradeCard : undefined}
      undo={user ? undoGrade : undefined}
      hold={user ? holdCardAction : undefined}
      release={user ? releaseCardAction : undefined}
      status={user && !custom ? sessionStatusAction.bind(null, decks) : undefined}
      report={reportProblemAction}
      choiceMode={choiceMode}
    />
  );
}
