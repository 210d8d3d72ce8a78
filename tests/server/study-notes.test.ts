/**
 * Deck pages as study material (issue 14): the note's prose by section, its questions taken out
 * of the prose and listed apart with the key kept for the reveal, rendered once per bank, and
 * annotations placed beside the lines they are about.
 */
import { loadBank as compiledBank } from '../content/bank';
import { indexBank } from '@/server/banks';
import { studyNote } from '@/server/study-notes';
import type { StudyNote } from '@/components/deck/types';

const loaded = indexBank(compiledBank());
const html = (n: StudyNote) => n.sections.flatMap((s) => s.blocks.map((b) => b.html)).join('\n');

describe('study notes', () => {
  // Every deck: no question syntax left in the prose, every question listed once.
  it.each(loaded.bank.decks.map((d) => [d.id, d] as const))('%s reads as prose plus questions', async (_id, deck) => {
    const note = (await studyNote(loaded, deck))!;
    expect(note).not.toBeNull();
    const prose = html(note);
    expect(prose).not.toMatch(/<strong>(Q|A|Cloze|Task|Tags|Explanation|Solution|Docs|Check|Nodes|Setup):?<\/strong>/i);
    const listed = note.sections.flatMap((s) => s.questions.map((q) => q.id));
    const expected = loaded.bank.questions.filter((q) => q.deck === deck.id).map((q) => q.id);
    expect([...listed].sort()).toEqual([...expected].sort());
    expect(new Set(listed).size).toBe(listed.length);
    // Sections come from the note's headings, in order.
    expect(note.sections.filter((s) => s.title).length).toBeGreaterThan(0);
  });

  it('gives a section without prose its key points from the explanations, each once, with the docs they cite', async () => {
    let digests = 0;
    for (const deck of loaded.bank.decks) {
      const note = (await studyNote(loaded, deck))!;
      for (const s of note.sections) {
        if (s.blocks.length > 0) {
          expect(s.digest).toBeUndefined();
          continue;
        }
        const explained = s.questions.filter((q) => q.explanationHtml && !q.outdated);
        if (explained.length === 0) continue;
        digests++;
        expect(s.digest).toBeDefined();
        const text = s.digest!.html;
        expect(text).not.toMatch(/<strong>(Q|A|Tags|Explanation|Docs):?<\/strong>/);
        // One paragraph per source item (siblings share their item's explanation), never more than the questions.
        const paragraphs = text.match(/<p>/g)?.length ?? 0;
        const items = new Set(explained.map((q) => loaded.byId.get(q.id)!.sourceItem)).size;
        expect(paragraphs).toBeGreaterThan(0);
        expect(paragraphs).toBeLessThanOrEqual(items);
        for (const d of s.digest!.docs) expect(d).toMatch(/^https:\/\//);
      }
    }
    // The eight question-only notes: most of their sections read as key points now.
    expect(digests).toBeGreaterThan(15);
  });

  it('keeps the prose of a note written as plain text, and questions sit under their own heading', async () => {
    const deck = loaded.bank.decks.find((d) => d.id === 'docker-networking')!;
    const note = (await studyNote(loaded, deck))!;
    expect(html(note)).toMatch(/user-defined bridge/i);
    for (const s of note.sections) {
      for (const q of s.questions) {
        const src = loaded.byId.get(q.id)!;
        expect(src.topic.at(-1) === deck.title || src.topic.includes(s.title)).toBe(true);
      }
    }
  });

  it('keeps the key out of the prompt and the choices, and for the reveal', async () => {
    const deck = loaded.bank.decks.find((d) => d.id === 'net-bridge')!;
    const note = (await studyNote(loaded, deck))!;
    const qs = note.sections.flatMap((s) => s.questions);
    const choice = qs.find((q) => q.type === 'single-choice')!;
    expect(choice.choices!.filter((c) => c.correct)).toHaveLength(1);
    expect(choice.choices![0].html).not.toMatch(/^<p>/); // inline text, no paragraph
    const cloze = qs.find((q) => q.type === 'cloze')!;
    expect(cloze.promptHtml).toContain('_____');
    expect(cloze.answerHtml).toContain('<strong>');
    const command = qs.find((q) => q.type === 'command')!;
    expect(command.command!.solutions.length).toBeGreaterThan(0);
  });

  it('renders once per bank: the same note object until the bank is reloaded', async () => {
    const deck = loaded.bank.decks[0];
    expect(await studyNote(loaded, deck)).toBe(await studyNote(loaded, deck));
    const reloaded = indexBank(loaded.bank);
    expect(await studyNote(reloaded, deck)).not.toBe(await studyNote(loaded, deck));
  });

  it('places outdated notes inside the affected prose and on the question (issue 13)', async () => {
    const deck = loaded.bank.decks.find((d) => d.id === 'docker-networking')!;
    const note = (await studyNote(loaded, deck))!;
    const marked = loaded.bank.questions.filter((q) => q.deck === deck.id && q.outdated);
    expect(marked.length).toBeGreaterThan(0);
    expect(html(note)).toContain('class="outdated outdated--inline"');
    expect(html(note)).not.toMatch(/id="L\d+"/); // line ids are the page's, not the prose's
    const qs = note.sections.flatMap((s) => s.questions);
    for (const q of marked) expect(qs.find((x) => x.id === q.id)!.outdated).toEqual(q.outdated);
  });
});
