import { TYPE_LABELS, type QuestionListItem } from './types';
import styles from './deck.module.css';

export interface QuestionGroup {
  topic: string[];
  questions: QuestionListItem[];
}

/** The questions of a deck grouped by topic; each links to its line in the rendered note. */
export function QuestionIndex({ groups }: { groups: QuestionGroup[] }) {
  return (
    <nav aria-label="Questions by topic">
      {groups.map((g) => (
        <section key={g.topic.join('/')} className={styles.qGroup}>
          <h3 className={styles.qGroupTitle}>{g.topic.slice(1).join(' › ') || g.topic[0]}</h3>
          <ul className={styles.qList}>
            {g.questions.map((q) => (
              <li key={q.id}>
                <a className={styles.qItem} href={`#L${q.line}`} title={`${TYPE_LABELS[q.type]} · line ${q.line}`}>
                  <span className={styles.qLine}>L{q.line}</span>
                  <span className={styles.qTitle}>{q.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
