/**
 * Regression tests for issue 12, exams: one open attempt per learner (resume or abandon, abandoned scored
 * as it stands), guest attempts server-side under a random key (one submission each), and the question ids
 * an open attempt hides. Real SQLite file (PostgreSQL under npm run test:postgres).
 */
import { freshDatabase, type TestDatabase } from '../../helpers/db';
import { answerRight, contextFor, examBank } from '../exams-fixture';
import {
  answerChoice,
  answerDomc,
  ExamError,
  getExamResult,
  guestRepo,
  listAttempts,
  openAttempt,
  openAttemptQuestionIds,
  startExam,
  submitExam,
  userRepo,
} from '@/server/exams';
import { exportAccount } from '@/server/users';

const bank = examBank();
const T0 = new Date('2026-11-30T10:00:00Z');
let t: TestDatabase;

beforeAll(() => {
  t = freshDatabase('exam-integrity');
});
afterAll(async () => {
  await t.close();
});

const ctxFor = contextFor(bank, T0);
const newUser = async (email: string) => (await t.db.user.create({ data: { email } })).id;
const kindOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof ExamError ? e.kind : String(e)));

describe('one open attempt per learner', () => {
  it('starting another asks to resume or abandon; abandoning scores the open one as it stands', async () => {
    const ctx = ctxFor(userRepo(t.db, await newUser('one@example.test')));
    let first = await startExam(ctx, { blueprintId: 'mini' }, 11);
    first = await answerRight(ctx, first);
    const refused = await startExam(ctx, { blueprintId: 'mini' }, 12).then(
      () => null,
      (e: unknown) => e as ExamError,
    );
    expect(refused?.kind).toBe('in-progress');
    expect(refused?.openAttempt).toMatchObject({ id: first.id, status: 'active' });
    // Abandoning another id than the open one does not count.
    expect(await kindOf(startExam(ctx, { blueprintId: 'mini', abandon: 'someone-else' }, 12))).toBe('in-progress');
    const second = await startExam(ctx, { blueprintId: 'mini', abandon: first.id }, 12);
    const history = await listAttempts(ctx);
    const abandoned = history.find((a) => a.id === first.id)!;
    expect(abandoned.status).toBe('submitted');
    expect(abandoned.score).toBeCloseTo(100 / first.total, 1); // one item right, the rest blank
    expect((await openAttempt(ctx))?.id).toBe(second.id);
    // The abandoned attempt takes no more answers.
    expect(await kindOf(answerChoice(ctx, { attemptId: first.id, item: 1, selected: [0] }))).toBe('expired');
  });

  it('parallel starts leave exactly one open attempt (the database decides)', async () => {
    const userId = await newUser('parallel@example.test');
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => kindOf(startExam(ctxFor(userRepo(t.db, userId)), { blueprintId: 'mini' }, 100 + i))));
    expect(results.filter((r) => r === 'accepted')).toHaveLength(1);
    expect(await t.db.examAttempt.count({ where: { userId, submittedAt: null } })).toBe(1);
  });
});

describe('guest attempts live on the server', () => {
  it('one submission each: a restored cookie cannot turn a blank 0% into 100%', async () => {
    const repo = guestRepo(t.db, undefined, T0);
    const ctx = ctxFor(repo);
    const v = await startExam(ctx, { blueprintId: 'mini', size: 4 }, 21);
    const cookie = repo.key()!; // all the browser holds
    expect((await submitExam(ctx, { attemptId: v.id })).score).toBe(0);
    const result = await getExamResult(ctxFor(guestRepo(t.db, cookie, T0)), v.id);
    expect(result.score).toBe(0);
    // The old cookie put back: answering again is refused, the score stays.
    const replay = ctxFor(guestRepo(t.db, cookie, T0));
    expect(await kindOf(answerChoice(replay, { attemptId: v.id, item: 0, selected: [0] }))).toBe('expired');
    expect(await kindOf(answerDomc(replay, { attemptId: v.id, item: 0, step: 0, response: true }))).toBe('expired');
    expect((await submitExam(replay, { attemptId: v.id })).score).toBe(0);
    // Without the key the attempt and its result are unreachable.
    expect(await kindOf(getExamResult(ctxFor(guestRepo(t.db, undefined, T0)), v.id))).toBe('not-found');
  });
});

describe('what an open attempt hides', () => {
  it('its question ids and sibling variants until submitted; the export only counts its items', async () => {
    const userId = await newUser('hide@example.test');
    const ctx = ctxFor(userRepo(t.db, userId));
    const v = await startExam(ctx, { blueprintId: 'mini', size: 6 }, 31);
    const hidden = await openAttemptQuestionIds(t.db, { userId }, bank, T0);
    const row = await t.db.examAttempt.findUniqueOrThrow({ where: { id: v.id } });
    const ids = (JSON.parse(row.items) as { questionId: string }[]).map((i) => i.questionId);
    for (const id of ids) expect(hidden.has(id)).toBe(true);
    expect(hidden.size).toBeGreaterThanOrEqual(ids.length);
    const exported = (await exportAccount(userId, t.db)) as { exams: Record<string, unknown>[] };
    expect(exported.exams[0]).toEqual(expect.objectContaining({ id: v.id, status: 'in progress', itemCount: 6 }));
    expect(exported.exams[0]).not.toHaveProperty('items');
    await submitExam(ctx, { attemptId: v.id });
    expect((await openAttemptQuestionIds(t.db, { userId }, bank, T0)).size).toBe(0);
    expect(((await exportAccount(userId, t.db)) as { exams: Record<string, unknown>[] }).exams[0]).toHaveProperty('items');
    // Another learner hides nothing.
    expect((await openAttemptQuestionIds(t.db, { userId: 'nobody' }, bank, T0)).size).toBe(0);
  });
});
