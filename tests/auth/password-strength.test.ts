/** Issue 12: weak passwords such as "password123" were accepted. zxcvbn-ts now refuses guessable ones. */
import { passwordWeakness } from '@/server/password-strength';

describe('passwordWeakness', () => {
  it.each([
    ['password123', /commonly used password/],
    ['Password123!', /similar to a commonly used password/],
    ['qwertyuiop12', /commonly used password/],
    ['ada@example.test', /personal/],
  ])('refuses %j with a reason and a hint', (password, reason) => {
    const why = passwordWeakness(password, ['ada@example.test', 'Ada']);
    expect(why).toMatch(reason);
    expect(why).toMatch(/\. .+\.$/);
  });

  it.each(['Correct horse 42', 'bridge-overlay-macvlan-7', 'Ada Lovelace 1815'])('accepts %j', (password) => {
    expect(passwordWeakness(password, ['ada@example.test', 'Ada'])).toBeNull();
  });
});
