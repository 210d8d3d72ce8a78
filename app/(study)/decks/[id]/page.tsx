import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/server/session';
import { getBank } from '@/server/banks';
import { deckPage } from '@/server/web/decks';
import { hiddenExamQuestionIds, hiddenForExamMessage } from '@/server/exam-guard';
import { DeckPage } from '@/components/deck/DeckPage';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: getBank().decks.find((d) => d.id === id)?.title ?? 'Deck' };
}

export default async function Page({ params }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  const view = await deckPage(decodeURIComponent(id), user?.id ?? null);
  if (!view) notFound();
  // The note holds the answers of its questions: withheld while some of them are in the learner's open exam.
  const hidden = await hiddenExamQuestionIds(getBank());
  const inExam = (view.note?.sections ?? []).reduce((n, s) => n + s.questions.filter((q) => hidden.has(q.id)).length, 0);
  return <DeckPage view={view} examHidden={inExam ? hiddenForExamMessage(inExam) : null} />;
}
