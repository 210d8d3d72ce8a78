import { z } from 'zod';

/**
 * Input schemas for the account forms. Shared by the server actions (the authority) and the
 * client forms (instant field errors). Messages are shown to the user as they are.
 */

/** The one message for every failed sign-in, so an attacker cannot tell unknown emails from wrong passwords. */
export const SIGN_IN_FAILED = 'Email or password is incorrect.';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const PASSWORD_RULE =
  `Use at least ${PASSWORD_MIN} characters and mix at least two kinds: lower-case letters, upper-case letters, digits, symbols or spaces.`;

/** How many of the four character classes a password uses. */
export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

/** A new password: the rules users see on the sign-up and change-password forms. */
export const newPasswordSchema = z
  .string({ error: PASSWORD_RULE })
  .min(PASSWORD_MIN, { error: PASSWORD_RULE })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` })
  .refine((p) => characterClasses(p) >= 2, { error: PASSWORD_RULE })
  .refine((p) => new Set(p).size >= 4, { error: 'That password repeats too few characters; pick something less predictable.' });

export const signUpSchema = z
  .object({
    name: z.string().trim().max(80, 'Use at most 80 characters.').optional().transform((v) => v || undefined),
    email: emailSchema,
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'The two passwords differ.' })
  .refine((v) => v.password.toLowerCase() !== v.email, { path: ['password'], error: 'Do not use your email address as the password.' });
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Sign-in checks only the shape; any wrong value gets {@link SIGN_IN_FAILED}. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX, SIGN_IN_FAILED),
});

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'The two passwords differ.' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().toLowerCase().min(1, 'Type your email address to confirm.'),
});

/** Form state returned by the account actions (useActionState). */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values to put back into the form after a failed submission (never passwords). */
  values?: Record<string, string>;
}

// C0 controls, DEL and C1 controls: browsers drop tabs and newlines inside URLs, so "/\t/evil" becomes "//evil".
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** True for a same-origin path: one leading "/", then neither "/" nor "\\". */
function isLocalPath(p: string): boolean {
  return p.startsWith('/') && p[1] !== '/' && p[1] !== '\\';
}

/**
 * Only same-origin paths are followed after sign-in (no open redirect through callbackUrl). The value is
 * checked with control characters removed, as given and percent-decoded (up to three times), and must stay
 * on the origin when resolved as a URL; anything else gives "/". Returns the cleaned path.
 */
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw) return '/';
  const cleaned = raw.replace(CONTROL_CHARS, '').trim();
  let probe = cleaned;
  for (let i = 0; i < 3; i++) {
    if (!isLocalPath(probe)) return '/';
    let decoded: string;
    try {
      decoded = decodeURIComponent(probe).replace(CONTROL_CHARS, '').trim();
    } catch {
      return '/';
    }
    if (decoded === probe) break;
    probe = decoded;
  }
  if (!isLocalPath(probe)) return '/';
  const base = 'http://netprep.invalid';
  try {
    const url = new URL(cleaned, base);
    if (url.origin !== base) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}
