import { OutdatedNote } from '@/components/ui';
import { GRADES, type Grade, type ReviewCardView } from './types';
import styles from './review.module.css';

const TYPE_LABEL: Record<ReviewCardView['type'], string> = {
  qa: 'Question',
  cloze: 'Fill the gap',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  command: 'Command task',
};

interface Props {
  card: ReviewCardView;
  revealed: boolean;
  pending: boolean;
  onReveal(): void;
  onGrade(g: Grade): void;
}

/**
 * One card. The front and back share grid cells (stacked, the hidden one invisible), so the card
 * is as tall as its revealed side from the start and revealing shifts nothing.
 */
export function Flashcard({ card, revealed, pending, onReveal, onGrade }: Props) {
  return (
    <article className={styles.card} aria-labelledby="card-prompt" data-revealed={revealed || undefined} data-testid="flashcard">
      <header className={styles.cardHead}>
        <span className="badge badge--accent">{TYPE_LABEL[card.type]}</span>
        <span className={styles.topic}>{card.topic.slice(1).join(' › ') || card.deckTitle}</span>
        <span className="badge">{card.state}</span>
      </header>

      {card.outdated && <OutdatedNote outdated={card.outdated} />}
      <div id="card-prompt" className={`prose ${styles.prompt}`} dangerouslySetInnerHTML={{ __html: card.promptHtml }} />

      {card.choices && (
        <ul className={styles.choices} aria-label="Options">
          {card.choices.map((c, i) => (
            <li key={i} className={styles.choice} data-correct={revealed && c.correct ? 'true' : revealed ? 'false' : undefined}>
              <span className={styles.choiceMark} aria-hidden="true">{revealed ? (c.correct ? '✓' : '') : String.fromCharCode(65 + i)}</span>
              <span className="prose" dangerouslySetInnerHTML={{ __html: c.html }} />
              {revealed && c.correct && <span className="visually-hidden"> (correct)</span>}
            </li>
          ))}
        </ul>
      )}

      {card.command && card.command.setup.length > 0 && (
        <div className={styles.setup}>
          <span className="small muted">Starting from</span>
          <pre tabIndex={0}><code>{card.command.setup.join('\n')}</code></pre>
        </div>
      )}

      <div className={styles.stackCell}>
        <div className={styles.layer} data-hidden={revealed || undefined} aria-hidden={revealed || undefined}>
          <p className={styles.hint}>Recall the answer, then reveal it.</p>
        </div>
        <div className={styles.layer} data-hidden={!revealed || undefined} aria-hidden={!revealed || undefined} data-testid="card-back">
          {card.answerHtml && (
            <div className={styles.answer}>
              <span className={styles.answerLabel}>Answer</span>
              <div className="prose" dangerouslySetInnerHTML={{ __html: card.answerHtml }} />
            </div>
          )}
          {card.command && (
            <div className={styles.answer}>
              <span className={styles.answerLabel}>Reference solution</span>
              <pre tabIndex={0}><code className="language-sh">{card.command.solution.join('\n')}</code></pre>
            </div>
          )}
          {card.explanationHtml && <div className={`prose small ${styles.explanation}`} dangerouslySetInnerHTML={{ __html: card.explanationHtml }} />}
          <a className="small" href={card.sourceHref}>Open the note</a>
        </div>
      </div>

      <footer className={styles.stackCell}>
        <div className={styles.layer} data-hidden={revealed || undefined}>
          <button type="button" className="btn btn--primary btn--lg btn--block" onClick={onReveal} disabled={revealed} tabIndex={revealed ? -1 : 0} aria-keyshortcuts="Space">
            Show answer <kbd>Space</kbd>
          </button>
        </div>
        <div className={styles.layer} data-hidden={!revealed || undefined}>
          <div className={styles.grades} role="group" aria-label="How well did you recall it?">
            {GRADES.map((g) => (
              <button
                key={g.grade}
                type="button"
                className={styles.grade}
                data-tone={g.tone}
                onClick={() => onGrade(g.grade)}
                disabled={!revealed || pending}
                tabIndex={revealed ? 0 : -1}
                aria-keyshortcuts={g.key}
              >
                <span className={styles.gradeLabel}>{g.label}</span>
                <span className={styles.gradeInterval}>{card.previews[g.grade]}</span>
                <kbd>{g.key}</kbd>
              </button>
            ))}
          </div>
        </div>
      </footer>
    </article>
  );
}
