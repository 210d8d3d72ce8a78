import { OutdatedNote } from '@/components/ui';
import type { StudyNote as StudyNoteModel, StudyQuestion, StudySection } from './types';
import { TYPE_LABELS } from './types';
import styles from './deck.module.css';
import { plural } from '@/components/ui/format';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The reveal of one question: the key, the explanation, the docs. */
function Answer({ q }: { q: StudyQuestion }) {
  const right = (q.choices ?? []).map((c, i) => ({ ...c, letter: LETTERS[i] ?? String(i + 1) })).filter((c) => c.correct);
  return (
    <div className={styles.answer}>
      {right.length > 0 && (
        <div>
          <p className={styles.answerLabel}>{right.length > 1 ? 'Correct options' : 'Correct option'}</p>
          <ul className={styles.keyList}>
            {right.map((c) => (
              <li key={c.letter}>
                <span className={styles.letter} aria-hidden="true">{c.letter}</span>
                <span className="visually-hidden">{`Option ${c.letter}: `}</span>
                <span dangerouslySetInnerHTML={{ __html: c.html }} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {q.answerHtml && (
        <div>
          <p className={styles.answerLabel}>Answer</p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: q.answerHtml }} />
        </div>
      )}
      {q.command && (
        <div>
          {q.command.setup.length > 0 && (
            <>
              <p className={styles.answerLabel}>Starting point (already run in the lab)</p>
              <pre className={styles.code} tabIndex={0}>
                <code>{q.command.setup.join('\n')}</code>
              </pre>
            </>
          )}
          <p className={styles.answerLabel}>{q.command.solutions.length > 1 ? `Accepted solutions (${q.command.solutions.length})` : 'Solution'}</p>
          {q.command.solutions.map((sol, i) => (
            <pre key={i} className={styles.code} tabIndex={0}>
              <code>{sol.join('\n')}</code>
            </pre>
          ))}
        </div>
      )}
      {q.explanationHtml && (
        <div>
          <p className={styles.answerLabel}>Why</p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: q.explanationHtml }} />
        </div>
      )}
      {q.docs && q.docs.length > 0 && (
        <p className={styles.docs}>
          Docs:{' '}
          {q.docs.map((d, i) => (
            <span key={d}>
              {i > 0 && ', '}
              <a href={d} rel="noreferrer">
                {d.replace(/^https?:\/\/(www\.)?/, '')}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function Question({ q, n }: { q: StudyQuestion; n: number }) {
  return (
    <li id={`L${q.line}`} className={styles.question} data-type={q.type}>
      <div className={styles.qHead}>
        <span className={styles.qNum}>{n}</span>
        <span className={styles.qType}>{TYPE_LABELS[q.type]}</span>
      </div>
      <div className="prose" dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
      {q.outdated && <OutdatedNote outdated={q.outdated} variant="inline" />}
      {q.choices && (
        <ol className={styles.choices} aria-label="Options">
          {q.choices.map((c, i) => (
            <li key={i}>
              <span className={styles.letter} aria-hidden="true">{LETTERS[i] ?? i + 1}</span>
              <span className="visually-hidden">{`Option ${LETTERS[i] ?? i + 1}: `}</span>
              <span dangerouslySetInnerHTML={{ __html: c.html }} />
            </li>
          ))}
        </ol>
      )}
      {q.type === 'command' && (
        <p className={styles.tryIt}>
          <a href={`/lab?scenario=${encodeURIComponent(q.id)}`}>Try it in the lab</a>
        </p>
      )}
      <details className={styles.reveal}>
        <summary>
          <span className={styles.whenClosed}>Show answer</span>
          <span className={styles.whenOpen}>Hide answer</span>
        </summary>
        <Answer q={q} />
      </details>
    </li>
  );
}

/** Key points of a section the note gives no prose for, drawn from its questions' explanations. */
function Digest({ id, digest }: { id: string; digest: NonNullable<StudySection['digest']> }) {
  return (
    <div className={styles.digest} data-testid="section-digest">
      <p className={styles.digestLabel} id={`${id}-digest`}>
        Key points <span className={styles.digestNote}>(from the explanations of the questions below)</span>
      </p>
      <div className={`prose ${styles.block}`} aria-labelledby={`${id}-digest`} dangerouslySetInnerHTML={{ __html: digest.html }} />
      {digest.docs.length > 0 && (
        <p className={styles.digestDocs}>
          Read more in the Docker docs:{' '}
          {digest.docs.map((href, i) => (
            <span key={href}>
              {i > 0 && ' · '}
              <a href={href} rel="noreferrer">
                {docLabel(href)}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** "engine/network/drivers/bridge#differences…" -> "bridge: differences between user defined bridges…" */
function docLabel(href: string): string {
  try {
    const u = new URL(href);
    const last = u.pathname.split('/').filter(Boolean).at(-1) ?? u.hostname;
    const hash = u.hash.slice(1).replace(/-/g, ' ');
    return hash ? `${last.replace(/-/g, ' ')}: ${hash}` : last.replace(/-/g, ' ');
  } catch {
    return href;
  }
}

function Section({ s, start }: { s: StudySection; start: number }) {
  const H = s.depth === 2 ? 'h2' : 'h3';
  // An untitled section (the note's introduction) has no heading of its own: its questions' heading takes the h2 level.
  const Sub = !s.title ? 'h2' : s.depth === 2 ? 'h3' : 'h4';
  return (
    <section className={styles.section} aria-labelledby={s.title ? s.id : undefined} aria-label={s.title ? undefined : 'Introduction'}>
      {s.title && (
        <H id={s.id} className={styles.sectionTitle}>
          {s.title}
        </H>
      )}
      {s.blocks.map((b) => (
        <div key={b.line} className={`prose ${styles.block}`} dangerouslySetInnerHTML={{ __html: b.html }} />
      ))}
      {s.digest && <Digest id={s.id} digest={s.digest} />}
      {s.questions.length > 0 && (
        <div className={styles.questions}>
          <Sub className={styles.questionsTitle} id={`${s.id}-questions`}>
            {`Check yourself: ${plural(s.questions.length, 'question')}`}
          </Sub>
          <ol className={styles.qList} aria-labelledby={`${s.id}-questions`} start={start}>
            {s.questions.map((q, i) => (
              <Question key={q.id} q={q} n={start + i} />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

/** A deck's note as study material: prose by section, each section's questions after it with the answers behind "Show answer". */
export function StudyNote({ note }: { note: StudyNoteModel }) {
  const starts = note.sections.map((_, i) => 1 + note.sections.slice(0, i).reduce((a, s) => a + s.questions.length, 0));
  return (
    <div className={styles.study}>
      {note.sections.map((s, i) => (
        <Section key={s.id} s={s} start={starts[i]} />
      ))}
    </div>
  );
}

/** Contents of a note: its sections with their question counts, linking into the page. */
export function StudyContents({ note }: { note: StudyNoteModel }) {
  const list = note.sections.filter((s) => s.title);
  return (
    <nav aria-label="Contents">
      <h2 className={styles.tocTitle}>Contents</h2>
      <ul className={styles.toc}>
        {list.map((s) => (
          <li key={s.id} data-depth={s.depth}>
            <a href={`#${s.id}`}>
              <span>{s.title}</span>
              {s.questions.length > 0 && <span className={styles.tocCount}>{plural(s.questions.length, 'question')}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
