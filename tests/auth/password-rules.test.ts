import { z } from 'zod';
import {
  changePasswordSchema,
  PASSWORD_RULE,
  safeCallbackUrl,
  signInSchema,
  signUpSchema,
} from '@/lib/auth/schema';

function signUpErrors(input: Record<string, unknown>) {
  const r = signUpSchema.safeParse(input);
  return r.success ? null : z.flattenError(r.error).fieldErrors;
}

describe('password rules (sign-up)', () => {
  const base = { email: 'Ada@Example.test ', name: '' };
  it.each([
    // too short
    ['short', 'Ab1!', PASSWORD_RULE],
    ['nine characters', 'Abcdefgh1', PASSWORD_RULE],
    // one character class only
    ['only lower-case', 'abcdefghijkl', PASSWORD_RULE],
    ['only digits', '12345678901234', PASSWORD_RULE],
    ['only upper-case', 'ABCDEFGHIJKL', PASSWORD_RULE],
    // too few distinct characters
    ['repeats', 'aaaaaaaaaa1', 'That password repeats too few characters; pick something less predictable.'],
    // too long
    ['201 characters', 'aB3'.repeat(67), 'Use at most 200 characters.'],
  ])('%s is refused with a clear message', (_name, password, message) => {
    const errors = signUpErrors({ ...base, password, confirm: password });
    expect(errors?.password).toContain(message);
  });

  it.each([
    ['letters and digits', 'networks2377'],
    ['a passphrase with spaces', 'overlay networks rock'],
    ['mixed case', 'SwarmOverlayVxlan'],
  ])('%s is accepted', (_name, password) => {
    expect(signUpErrors({ ...base, password, confirm: password })).toBeNull();
  });

  it('normalises the email and checks the confirmation', () => {
    const ok = signUpSchema.parse({ ...base, password: 'networks2377', confirm: 'networks2377' });
    expect(ok.email).toBe('ada@example.test');
    expect(ok.name).toBeUndefined();
    expect(signUpErrors({ ...base, password: 'networks2377', confirm: 'networks2378' })?.confirm).toEqual(['The two passwords differ.']);
  });

  it('refuses the email as password and malformed emails', () => {
    expect(signUpErrors({ email: 'bridge1234@x.io', password: 'bridge1234@x.io', confirm: 'bridge1234@x.io' })?.password).toContain(
      'Do not use your email address as the password.',
    );
    expect(signUpErrors({ email: 'not-an-email', password: 'networks2377', confirm: 'networks2377' })?.email).toEqual([
      'Enter a valid email address, like name@example.com.',
    ]);
  });

  it('applies the same rules when changing a password', () => {
    const r = changePasswordSchema.safeParse({ current: 'x', password: 'short', confirm: 'short' });
    expect(r.success).toBe(false);
    expect(z.flattenError(r.error!).fieldErrors.password).toContain(PASSWORD_RULE);
  });

  it('sign-in only checks the shape', () => {
    expect(signInSchema.safeParse({ email: 'a@b.co', password: 'x' }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
  });
});

describe('callbackUrl after sign-in stays on this site', () => {
  it.each([
    ['/account', '/account'],
    ['/decks/x?y=1', '/decks/x?y=1'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    [undefined, '/'],
  ])('%s -> %s', (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});
