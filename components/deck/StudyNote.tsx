import type { OutdatedInfo } from '@/components/ui/OutdatedNote';
import type { StudyNote as StudyNoteModel, StudyQuestion, StudySection } from './types';
import { TYPE_LABELS } from './types';
import styles from './deck.module.css';
import { plural } from '@/components/ui/format';

/**
 * A deck's note as study material, rendered to HTML once per note (issue 14: the deck page answers
 * within 100 ms). The note is built once per bank version (server/study-notes.ts) and the page shows
 * nothing per learner inside it, so its markup is a string kept beside the note object: React then
 * passes one string instead of rendering thousands of elements per request. The answers stay in
 * `<details>` (no script needed to reveal them); the note's own HTML (prose, prompts, options,
 * explanations) is trusted compiler output, and every other text is escaped here.
 */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** An element: attributes with an undefined/false value are left out; children are HTML already. */
function h(tag: string, attrs: Record<string, string | number | boolean | undefined>, ...children: (string | false | undefined)[]): string {
  let open = `<${tag}`;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) open += v === true ? ` ${k}` : ` ${k}="${esc(v)}"`;
  return `${open}>${children.filter(Boolean).join('')}</${tag}>`;
}

/** The same markup as components/ui OutdatedNote (variant inline). */
function outdatedInline(o: OutdatedInfo): string {
  return h(
    'aside',
    { class: 'outdated outdated--inline', role: 'note', 'aria-label': `Outdated since ${o.since}`, 'data-testid': 'outdated-note' },
    h('strong', {}, esc(`Outdated since ${o.since}:`)),
    ` ${esc(o.note)} `,
    h('a', { href: o.source, target: '_blank', rel: 'noreferrer noopener' }, 'Source'),
  );
}

/** An option: its letter, a spoken "Option A: " and its HTML. */
function option(letter: string, html: string): string {
  return h('li', {}, h('span', { class: styles.letter, 'aria-hidden': 'true' }, esc(letter)), h('span', { class: 'visually-hidden' }, esc(`Option ${letter}: `)), h('span', {}, html));
}

const label = (text: string) => h('p', { class: styles.answerLabel }, esc(text));
const code = (lines: string[]) => h('pre', { class: styles.code, tabindex: 0 }, h('code', {}, esc(lines.join('\n'))));

/** The reveal of one question: the key, the explanation, the docs. */
function answer(q: StudyQuestion): string {
  const right = (q.choices ?? []).map((c, i) => ({ ...c, letter: LETTERS[i] ?? String(i + 1) })).filter((c) => c.correct);
  return h(
    'div',
    { class: styles.answer },
    right.length > 0 && h('div', {}, label(right.length > 1 ? 'Correct options' : 'Correct option'), h('ul', { class: styles.keyList }, ...right.map((c) => option(c.letter, c.html)))),
    q.answerHtml && h('div', {}, label('Answer'), h('div', { class: 'prose' }, q.answerHtml)),
    q.command &&
      h(
        'div',
        {},
        q.command.setup.length > 0 && label('Starting point (already run in the lab)') + code(q.command.setup),
        label(q.command.solutions.length > 1 ? `Accepted solutions (${q.command.solutions.length})` : 'Solution'),
        ...q.command.solutions.map(code),
      ),
    q.explanationHtml && h('div', {}, label('Why'), h('div', { class: 'prose' }, q.explanationHtml)),
    !!q.docs?.length && h('p', { class: styles.docs }, 'Docs: ', q.docs.map((d) => h('a', { href: d, rel: 'noreferrer' }, esc(d.replace(/^https?:\/\/(www\.)?/, '')))).join(', ')),
  );
}

function question(q: StudyQuestion, n: number): string {
  return h(
    'li',
    { id: `L${q.line}`, class: styles.question, 'data-type': q.type },
    h('div', { class: styles.qHead }, h('span', { class: styles.qNum }, esc(n)), h('span', { class: styles.qType }, esc(TYPE_LABELS[q.type]))),
    h('div', { class: 'prose' }, q.promptHtml),
    q.outdated && outdatedInline(q.outdated),
    q.choices && h('ol', { class: styles.choices, 'aria-label': 'Options' }, ...q.choices.map((c, i) => option(LETTERS[i] ?? String(i + 1), c.html))),
    q.type === 'command' && h('p', { class: styles.tryIt }, h('a', { href: `/lab?scenario=${encodeURIComponent(q.id)}` }, 'Try it in the lab')),
    h(
      'details',
      { class: styles.reveal },
      h('summary', {}, h('span', { class: styles.whenClosed }, 'Show answer'), h('span', { class: styles.whenOpen }, 'Hide answer')),
      answer(q),
    ),
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

/** Key points of a section the note gives no prose for, drawn from its questions' explanations. */
function digest(id: string, d: NonNullable<StudySection['digest']>): string {
  return h(
    'div',
    { class: styles.digest, 'data-testid': 'section-digest' },
    h('p', { class: styles.digestLabel, id: `${id}-digest` }, 'Key points ', h('span', { class: styles.digestNote }, '(from the explanations of the questions below)')),
    h('div', { class: `prose ${styles.block}`, 'aria-labelledby': `${id}-digest` }, d.html),
    d.docs.length > 0 && h('p', { class: styles.digestDocs }, 'Read more in the Docker docs: ', d.docs.map((href) => h('a', { href, rel: 'noreferrer' }, esc(docLabel(href)))).join(' · ')),
  );
}

function section(s: StudySection, start: number): string {
  const H = s.depth === 2 ? 'h2' : 'h3';
  // An untitled section (the note's introduction) has no heading of its own: its questions' heading takes the h2 level.
  const Sub = !s.title ? 'h2' : s.depth === 2 ? 'h3' : 'h4';
  return h(
    'section',
    { class: styles.section, 'aria-labelledby': s.title ? s.id : undefined, 'aria-label': s.title ? undefined : 'Introduction' },
    s.title && h(H, { id: s.id, class: styles.sectionTitle }, esc(s.title)),
    ...s.blocks.map((b) => h('div', { class: `prose ${styles.block}` }, b.html)),
    s.digest && digest(s.id, s.digest),
    s.questions.length > 0 &&
      h(
        'div',
        { class: styles.questions },
        h(Sub, { class: styles.questionsTitle, id: `${s.id}-questions` }, esc(`Check yourself: ${plural(s.questions.length, 'question')}`)),
        h('ol', { class: styles.qList, 'aria-labelledby': `${s.id}-questions`, start }, ...s.questions.map((q, i) => question(q, start + i))),
      ),
  );
}

/** The note's markup, built once per note object (one per deck and bank version). */
const rendered = new WeakMap<StudyNoteModel, string>();

export function studyNoteHtml(note: StudyNoteModel): string {
  let html = rendered.get(note);
  if (html === undefined) {
    let start = 1;
    html = note.sections
      .map((s) => {
        const out = section(s, start);
        start += s.questions.length;
        return out;
      })
      .join('');
    rendered.set(note, html);
  }
  return html;
}

/** A deck's note as study material: prose by section, each section's questions after it with the answers behind "Show answer". */
export function StudyNote({ note }: { note: StudyNoteModel }) {
  return <div className={styles.study} dangerouslySetInnerHTML={{ __html: studyNoteHtml(note) }} />;
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
