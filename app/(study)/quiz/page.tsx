import type { Metadata } from 'next';
import { plural } from '@/components/ui/format';
import Link from 'next/link';
import { PageHeader } from '@/components/ui';
import { randomInt } from 'node:crypto';
import { getBank } from '@/server/banks';
import { getCurrentUser } from '@/server/session';
import { hiddenExamQuestionIds, hiddenForExamMessage } from '@/server/exam-guard';
import { buildQuiz, quizScopes, QUIZ_LENGTHS, TOPIC_SEPARATOR } from '@/server/quiz';
import { QuizRunner } from '@/components/quiz/QuizRunner';
import { recordQuizAnswer, saveQuizResultAction } from './actions';
import { reportProblemAction } from '../reports/actions';
import s from '@/components/quiz/quiz.module.css';

export const metadata: Metadata = { title: 'Quiz' };
export const dynamic = 'force-dynamic';

type Search = { scope?: string; length?: string; go?: string; ids?: string };
const SCOPE_SEP = '::';

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
    const newQuizHref = `/quiz?scope=${encodeURIComponent(scope)}&length=${length}`;
    return (
      <div>
        <PageHeader
          eyebrow={
            <>
              <Link href={newQuizHref}>Quiz</Link> · {plural(questions.length, 'question')}
            </>
          }
          title={ids ? 'Selected questions' : topic ? `${title}: ${topic}` : title}
        />
        {hiddenAsked > 0 && (
          <p className="alert alert--info" role="note">
            {hiddenForExamMessage(hiddenAsked)} <Link href="/exam">Go to the exam</Link>
          </p>
        )}
        <QuizRunner
          questions={questions}
          signedIn={!!user}
          record={user ? recordQuizAnswer : undefined}
          saveResult={user ? saveQuizResultAction : undefined}
          report={reportProblemAction}
          scope={{ deck: deck || null, topic: topic || null }}
          newQuizHref={newQuizHref}
        />
      </div>
    );
  }

  return (
    <div className={s.picker}>
      <PageHeader
        title="Quiz"
        description="One question at a time with instant feedback: choices, typed answers, and command tasks you solve in a terminal."
      />
      <form className={s.pickerForm} action="/quiz" method="get">
        <label className={s.field}>
          <span>Deck or topic</span>
          <select name="scope" defaultValue={scope}>
            <option value="">All decks ({plural(bank.questions.length, 'question')})</option>
            {scopes.map((d) => (
              <optgroup key={d.deck} label={d.title}>
                <option value={d.deck}>
                  {d.title} — whole deck ({d.count})
                </option>
                {d.topics.map((t) => (
                  <option key={t.topic} value={`${d.deck}${SCOPE_SEP}${t.topic}`}>
                    {t.topic.split(TOPIC_SEPARATOR).pop()} ({t.count})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <fieldset className={s.segmented}>
          <legend>Length</legend>
          {QUIZ_LENGTHS.map((n) => (
            <label key={n}>
              <input type="radio" name="length" value={n} defaultChecked={n === length} />
              <span>{plural(n, 'question')}</span>
            </label>
          ))}
        </fieldset>
        <input type="hidden" name="go" value="1" />
        <div className={s.actions}>
          <button type="submit" className="btn btn--primary">
            Start quiz
          </button>
        </div>
      </form>
      <section aria-labelledby="decks-heading">
        <h2 id="decks-heading" style={{ fontSize: '1.15rem' }}>
          Quick start by deck
        </h2>
        {scopes.length === 0 ? (
          <p className={s.muted}>No decks yet: add Markdown notes under content/ and rebuild the bank.</p>
        ) : (
          <ul className={s.deckGrid}>
            {scopes.map((d) => (
              <li key={d.deck}>
                <Link href={`/quiz?scope=${encodeURIComponent(d.deck)}&length=10&go=1`}>
                  <strong>{d.title}</strong>
                  <span className={s.muted}>{plural(d.count, 'question')} · 10-question quiz</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
