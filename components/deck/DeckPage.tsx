import Link from 'next/link';
import type { DeckPageView } from '@/server/web/decks';
import { ButtonLink, Card, EmptyState, PageHeader } from '@/components/ui';
import { plural } from '@/components/ui/format';
import { TypeCounts } from './TypeCounts';
import { MasteryMeter } from './MasteryMeter';
import { StudyContents, StudyNote } from './StudyNote';
import { RevealAll } from './RevealAll';
import styles from './deck.module.css';

/**
 * One deck: its study note beside its mastery and contents. `examHidden` says why the note is withheld
 * (some of its questions are in the learner's open exam: the note holds their answers); null when shown.
 */
export function DeckPage({ view, examHidden }: { view: DeckPageView; examHidden: string | null }) {
  const { deck } = view;
  const note = examHidden ? null : view.note;
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
          {examHidden ? (
            <EmptyState title="Note hidden during your exam" headingLevel={3}>
              {examHidden} This note explains them, so it is hidden too. <Link href="/exam">Go to the exam</Link>
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
