/**
 * Issue 13 (section 3): a generated recall prompt read "Which command listses ...?" because the
 * note's comment already used the third person ("Lists ...") and `thirdPerson` added another `-es`.
 * A verb already in the third person is now kept as it is.
 */
import { compile } from '@/lib/qbank';
import { thirdPerson } from '@/lib/qbank/text';

describe('thirdPerson', () => {
  it.each([
    ['list', 'lists'],
    ['create', 'creates'],
    ['push', 'pushes'],
    ['display', 'displays'],
    ['specify', 'specifies'],
    ['access', 'accesses'],
    ['focus', 'focuses'],
  ])('makes the base form %s into %s', (base, third) => {
    expect(thirdPerson(base)).toBe(third);
  });

  it.each(['lists', 'creates', 'removes', 'shows', 'pushes', 'specifies', 'has', 'does'])('keeps %s as it is', (verb) => {
    expect(thirdPerson(verb)).toBe(verb);
  });
});

describe('generated recall prompts', () => {
  const note = [
    '# Volumes',
    '',
    '## Listing',
    '',
    '```sh',
    '# Lists every volume on this host',
    'docker volume ls',
    '```',
    '',
  ].join('\n');

  it('never double the third-person ending of the note\'s verb', () => {
    const { bank } = compile([{ path: 'volumes.md', content: note }]);
    const prompts = bank.questions.map((q) => q.prompt);
    expect(prompts.some((p) => /^Which command lists every volume on this host\?/.test(p))).toBe(true);
    expect(prompts.filter((p) => /(list|create|remove)ses\b/.test(p))).toEqual([]);
  });
});
