import type { Metadata } from 'next';
import { randomInt } from 'node:crypto';
import { getBank } from '@/server/banks';
import { getCurrentUser } from '@/server/session';
import { hiddenExamQuestionIds, hiddenForExamMessage } from '@/server/exam-guard';
import { buildQuiz, quizScopes, QUIZ_LENGTHS, TOPIC_SEPARATOR } from '@/server/quiz';
import { QuizPicker, QuizSession, SCOPE_SEP } from '@/components/quiz/QuizPage';
import { recordQuizAnswer, saveQuizResultAction } from './actions';
import { reportProblemAction } from '../reports/actions';

export const metadata: Metadata = { title: 'Quiz' };
export const dynamic = 'force-dynamic';

type Search = { scope?: string; length?: string; go?: string; ids?: string };

export default async function QuizPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const bank = getBank();
  const scopes = quizScopes(bank);
  const scope = typeof sp.scope === 'string' ? sp.scope : '';
  const [deck, topic] = scope.split(SCOPE_SEP);
  const length = QUIZ_LENGTHS.find((n) => String(n) === sp.length) ?? 10;

  if (sp.go) {
    const user = await getCurrentUser();
    const ids = typeof sp.ids === 'string' && sp.ids ? sp.ids.split(',').slice(0, 50) : undefined;
    // Questions of an exam in progress are not served here (their options would carry the key).
    const hidden = await hiddenExamQuestionIds(bank);
    const open = hidden.size ? { ...bank, questions: bank.questions.filter((q) => !hidden.has(q.id)) } : bank;
    const hiddenAsked = ids ? ids.filter((id) => hidden.has(id)).length : hidden.size ? bank.questions.filter((q) => hidden.has(q.id) && (!deck || q.deck === deck)).length : 0;
    const questions = buildQuiz(open, { deck: deck || undefined, topic: topic || undefined, length, ids }, randomInt(1, 2 ** 31 - 1));
    const title = deck ? (scopes.find((d) => d.deck === deck)?.title ?? deck) : 'All decks';
    return (
      <QuizSession
        title={ids ? 'Selected questions' : topic ? `${title}: ${topic}` : title}
        hiddenNote={hiddenAsked > 0 ? hiddenForExamMessage(hiddenAsked) : null}
        questions={questions}
        signedIn={!!user}
        record={user ? recordQuizAnswer : undefined}
        saveResult={user ? saveQuizResultAction : undefined}
        report={reportProblemAction}
        scope={{ deck: deck || null, topic: topic || null }}
        newQuizHref={`/quiz?scope=${encodeURIComponent(scope)}&length=${length}`}
      />
    );
  }

  return <QuizPicker scopes={scopes} scope={scope} length={length} lengths={QUIZ_LENGTHS} questionCount={bank.questions.length} topicSeparator={TOPIC_SEPARATOR} />;
}
