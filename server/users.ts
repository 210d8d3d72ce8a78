import 'server-only';
import { createHash } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { PrismaClient } from '@/generated/prisma/client';
import { forgetUser } from '@/server/cache';
import { db } from '@/server/db';
import { exportProgress } from '@/server/import-export';
import { submitReview } from '@/server/reviews';
import { revokeSessions } from '@/server/session';
import { beginAttempt, checkSignUp, finishAttempt, recordSignUp, throttleMessage, type AttemptKey } from '@/server/throttle';
import { SIGN_IN_FAILED, type ChangePasswordInput, type SignUpInput } from '@/lib/auth/schema';

/**
 * Users: sign-up, credential checks (with throttling), password change and account deletion.
 * Inputs arrive already parsed by the schemas in lib/auth/schema.ts; the user id always comes
 * from the session (server/session.ts), never from a request body.
 */

/** What the rest of the app sees of a user. */
export interface UserDTO {
  id: string;
  email: string | null;
  name: string | null;
}

export type UserErrorKind = 'conflict' | 'bad-request' | 'not-found' | 'too-many-requests' | 'unauthorized';

/** An expected failure of a user operation; `message` is fit to show. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly kind: UserErrorKind,
    message: string,
    /** The form field the message belongs to, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

// Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane): about 30 ms here.
// `Algorithm` is an ambient const enum (not importable under isolatedModules): 2 is Algorithm.Argon2id.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hash a password with Argon2id (PHC string with salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Check a password against a PHC hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('timing-equaliser-not-a-password');
  return dummyHash;
}

function toDTO(u: { id: string; email: string | null; name: string | null }): UserDTO {
  return { id: u.id, email: u.email, name: u.name };
}

/**
 * Create a credentials user; when `from` is given, at most a few per client address and hour.
 * @throws UserError kind 'conflict' when the email is taken, 'too-many-requests' when throttled
 */
export async function createUser(
  input: Pick<SignUpInput, 'email' | 'password'> & { name?: string },
  client: PrismaClient = db,
  from?: { ip: string; now: Date },
): Promise<UserDTO> {
  if (from) {
    const verdict = await checkSignUp(from.ip, from.now, client);
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      throw new UserError('too-many-requests', `Too many accounts were created from your network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
  }
  const existing = await client.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new UserError('conflict', 'An account with this email already exists. Sign in instead.', 'email');
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await client.user.create({ data: { email: input.email, name: input.name ?? null, passwordHash } });
    if (from) await recordSignUp(from.ip, from.now, client);
    return toDTO(user);
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') {
      throw new UserError('conflict', 'An account with this email already exists. Sign in instead.', 'email');
    }
    throw err;
  }
}

export type AuthenticateResult = { ok: true; user: UserDTO } | { ok: false; reason: 'invalid' | 'throttled'; message: string };

/**
 * Check an email and password, throttled per email and per client address.
 * Unknown email and wrong password give the same message and take about the same time.
 */
export async function authenticate(
  input: { email: string; password: string; ip: string },
  now: Date,
  client: PrismaClient = db,
): Promise<AuthenticateResult> {
  const key: AttemptKey = { email: input.email, ip: input.ip };
  // The slot is taken in the database before the password is verified (no burst gets past the limit).
  const verdict = await beginAttempt(key, now, client);
  if (!verdict.allowed) return { ok: false, reason: 'throttled', message: throttleMessage(verdict) };
  const user = await client.user.findUnique({ where: { email: input.email } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingDummy(), input.password)) && false;
  await finishAttempt(verdict.ticket, ok, now, client);
  if (!ok || !user) return { ok: false, reason: 'invalid', message: SIGN_IN_FAILED };
  return { ok: true, user: toDTO(user) };
}

/** The user with this id, or null (e.g. deleted while a session cookie still names it). */
export async function findUser(id: string, client: PrismaClient = db): Promise<UserDTO | null> {
  const u = await client.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
  return u ? toDTO(u) : null;
}

/** Whether the user signs in with a password (false for accounts made through OIDC/GitHub only). */
export async function hasPassword(id: string, client: PrismaClient = db): Promise<boolean> {
  const u = await client.user.findUnique({ where: { id }, select: { passwordHash: true } });
  return Boolean(u?.passwordHash);
}

/**
 * Change the password of the signed-in user after checking the current one.
 * @throws UserError 'unauthorized' (field current) when the current password is wrong
 */
export async function changePassword(userId: string, input: ChangePasswordInput, client: PrismaClient = db): Promise<void> {
  const user = await client.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserError('not-found', 'This account no longer exists.');
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new UserError('unauthorized', 'The current password is incorrect.', 'current');
  }
  await client.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.password) } });
  await revokeSessions(userId, client);
  forgetUser(userId);
}

/**
 * Delete the user and, through the schema's cascades, everything that belongs to them
 * (accounts, sessions, cards, reviews, exams, settings), plus their sign-in attempts.
 * @throws UserError 'bad-request' (field confirmEmail) when the typed email does not match
 */
export async function deleteUser(userId: string, confirmEmail: string, client: PrismaClient = db): Promise<void> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new UserError('not-found', 'This account no longer exists.');
  // Accounts from a provider that shared no email confirm with the word "delete".
  const expected = (user.email ?? 'delete').toLowerCase();
  if (confirmEmail.trim().toLowerCase() !== expected) {
    throw new UserError('bad-request', 'Type your email address exactly as shown to confirm.', 'confirmEmail');
  }
  await client.$transaction([
    client.loginAttempt.deleteMany({ where: { key: expected, kind: 'email' } }),
    client.user.delete({ where: { id: userId } }),
  ]);
  forgetUser(userId);
}

/**
 * Everything stored for the user, for "export my data": the profile, linked sign-in providers
 * (never the password hash or provider tokens) and the store's progress export (settings, cards, reviews).
 */
export async function exportAccount(userId: string, client: PrismaClient = db): Promise<Record<string, unknown>> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      image: true,
      createdAt: true,
      accounts: { select: { provider: true, providerAccountId: true, type: true } },
    },
  });
  if (!user) throw new UserError('not-found', 'This account no longer exists.');
  const json = (v: string | null): unknown => (v === null ? null : JSON.parse(v));
  const [progress, exams, quizzes, reports, holds, labDone] = await Promise.all([
    exportProgress(userId, { db: client }),
    client.examAttempt.findMany({ where: { userId }, orderBy: { startedAt: 'asc' } }),
    client.quizSession.findMany({ where: { userId }, orderBy: { startedAt: 'asc' } }),
    client.problemReport.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { questionId: true, bankVersion: true, source: true, text: true, createdAt: true } }),
    client.cardHold.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { questionId: true, kind: true, until: true, createdAt: true } }),
    client.labDone.findMany({ where: { userId }, orderBy: { doneAt: 'asc' }, select: { scenarioId: true, doneAt: true } }),
  ]);
  return {
    format: 'netprep-account-export',
    version: 1,
    user,
    progress,
    /** "Report a problem" texts this learner sent, with the question id and bank version. */
    reports,
    /** Suspended and buried cards. */
    holds,
    /** Lab scenarios solved. */
    labDone,
    // An attempt still open only says how many items it holds: its questions and option order would be the key.
    exams: exams.map(({ id, blueprintId, seed, currentIndex, startedAt, deadline, submittedAt, score, passed, items, answers, flags, perTopic }) =>
      submittedAt
        ? {
            id, blueprintId, seed, currentIndex, startedAt, deadline, submittedAt, score, passed,
            items: json(items),
            answers: json(answers),
            flags: json(flags),
            perTopic: json(perTopic),
          }
        : { id, blueprintId, startedAt, deadline, submittedAt, status: 'in progress', itemCount: (json(items) as unknown[]).length },
    ),
    quizzes: quizzes.map(({ id, deck, startedAt, finishedAt, score, topic, questionIds, answers }) => ({
      id, deck, startedAt, finishedAt, score,
      topic: json(topic),
      questionIds: json(questionIds),
      answers: json(answers),
    })),
  };
}

/** One guest answer as it is imported (components/auth/guest-session.ts' GuestAnswer). */
export interface GuestAnswerInput {
  questionId: string;
  rating?: number;
  outcome?: { correct: boolean };
  durationMs: number;
  source: 'flashcard' | 'quiz' | 'command' | 'exam';
  answeredAt: string;
}

/** Records one imported answer for the user at time `at`; the store's review submission in production. */
export type SubmitGuestAnswer = (userId: string, review: GuestAnswerInput & { clientReviewId: string }, at: Date) => Promise<unknown>;

/** The store's review submission (idempotent per clientReviewId; throws StoreError with a kind on refusal). */
const storeSubmit: SubmitGuestAnswer = (userId, review, at) => {
  const { clientReviewId, questionId, rating, outcome, durationMs, source } = review;
  return submitReview(userId, { clientReviewId, questionId, rating, outcome, durationMs, source }, { now: at });
};

/** The client review id of an imported guest answer: derived from the guest id and the answer itself. */
export function guestReviewId(guestId: string, a: GuestAnswerInput): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([a.questionId, a.answeredAt, a.rating ?? null, a.outcome?.correct ?? null, a.durationMs, a.source]))
    .digest('base64url')
    .slice(0, 22);
  return `guest_${guestId}_${digest}`;
}

/**
 * Import a guest session's answers into the user's account in time order, each at the time it was given.
 * Times in the future are clamped to `now`; an answer older than the card's latest review is kept in the
 * review log only (the store never moves a card's history backwards). Each answer's client review id is
 * derived from the guest id and the answer's content, so importing the same session again (even after it
 * grew or was trimmed) changes nothing. Answers the store rejects (e.g. a question no longer in the bank)
 * are skipped.
 * @returns how many answers were recorded
 */
export async function importGuestAnswers(
  userId: string,
  session: { guestId: string; answers: GuestAnswerInput[] },
  now: Date,
  submit: SubmitGuestAnswer = storeSubmit,
): Promise<{ imported: number }> {
  const timed = session.answers.map((a, i) => {
    const t = new Date(a.answeredAt).getTime();
    return { a, i, t: Number.isFinite(t) ? Math.min(t, now.getTime()) : now.getTime() };
  });
  timed.sort((x, y) => x.t - y.t || x.i - y.i);
  let imported = 0;
  for (const { a, t } of timed) {
    try {
      await submit(userId, { ...a, clientReviewId: guestReviewId(session.guestId, a) }, new Date(t));
      imported++;
    } catch (err) {
      // Expected refusals carry a kind (UserError, the store's StoreError); anything else is a bug.
      if ((err as { kind?: unknown }).kind) continue;
      throw err;
    }
  }
  return { imported };
}
