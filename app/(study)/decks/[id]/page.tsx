import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/server/session';
import { getBank } from '@/server/banks';
import { deckPage } from '@/server/web/decks';
import { hiddenExamQuestionIds, hiddenForExamMessage } from '@/server/exam-guard';
import { ButtonLink, Card, EmptyState, PageHeader } from '@/components/ui';
import { TypeCounts } from '@/components/deck/TypeCounts';
import { MasteryMeter } from '@/components/deck/MasteryMeter';
import { StudyContents, StudyNote } from '@/components/deck/StudyNote';
import { RevealAll } from '@/components/deck/RevealAll';
import styles from '@/components/deck/deck.module.css';
import { plural } from '@/components/ui/format';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: getBank().decks.find((d) => d.id === id)?.title ?? 'Deck' };
}

export default async function DeckPage({ params }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  const view = await deckPage(decodeURIComponent(id), user?.id ?? null);
  if (!view) notFound();
  // The note holds the answers of its questions: withheld while some of them are in the learner's open exam.
  const hidden = await hiddenExamQuestionIds(getBank());
  const inExam = (view.note?.sections ?? []).reduce((n, s) => n + s.questions.filter((q) => hidden.has(q.id)).length, 0);
  const { deck } = view;
  const note = inExam ? null : view.note;
  return (
    <div className="stack">
      <PageHeader
        eyebrow={<Link href="/decks">Decks</Link>}
        title={deck.title}
        description={deck.description}
        actions={
          <>
            <ButtonLink href={`/review?deck=${encodeURIComponent(deck.id)}`} variant="primary">Review this deck</ButtonLink>
            <ButtonLink href={`/quiz?deck=${encodeURIComponent(deck.id)}`}>Quiz</ButtonLink>
          </>
        }
      />
      <div className="cluster">
        <TypeCounts byType={deck.byType} />
      </div>
      <div className={styles.layout}>
        <Card as="article" className={styles.note} aria-label="Study note" id="study-note">
          {inExam ? (
            <EmptyState title="Note hidden during your exam" headingLevel={3}>
              {hiddenForExamMessage(inExam)} This note explains them, so it is hidden too. <Link href="/exam">Go to the exam</Link>
            </EmptyState>
          ) : note ? (
            <>
              <div className={styles.noteBar}>
                <p className={styles.hint}>Read a section, answer its questions in your head, then open the answer.</p>
                <RevealAll target="study-note" />
              </div>
              <StudyNote note={note} />
            </>
          ) : (
            <EmptyState title="Note not found" headingLevel={3}>The source file of this deck is missing from the content folder.</EmptyState>
          )}
        </Card>
        <aside className={`card ${styles.aside}`} aria-label="About this deck">
          <div className="stack">
            {deck.mastery && <MasteryMeter mastery={deck.mastery} label="Deck" />}
            <p className={styles.asideCount}>{plural(deck.questionCount, 'question')}</p>
            {note && <StudyContents note={note} />}
          </div>
        </aside>
      </div>
    </div>
  );
}
