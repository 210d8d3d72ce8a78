import { freshDatabase, type TestDatabase } from '../helpers/db';
import { contextFor, examBank, isRight, judgeDomc } from './exams-fixture';
import {
  answerChoice,
  answerDomc,
  DEADLINE_GRACE_MS,
  ExamError,
  flagItem,
  getExamResult,
  getExamView,
  gotoItem,
  guestRepo,
  listAttempts,
  openAttempt,
  startExam,
  submitExam,
  userRepo,
  type ExamContext,
  type ExamViewDTO,
} from '@/server/exams';

const bank = examBank();
const fail = (why: string): never => {
  throw new Error(`expected a refusal, but it was ${why}`);
};
const T0 = new Date('2026-11-28T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let t: TestDatabase;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = freshDatabase('exams');
  alice = (await t.db.user.create({ data: { email: 'alice@example.com' } })).id;
  bob = (await t.db.user.create({ data: { email: 'bob@example.com' } })).id;
});
afterAll(async () => {
  await t.close();
});

const ctxFor = contextFor(bank, T0);
const aliceCtx = (now: Date = T0) => ctxFor(userRepo(t.db, alice), now);

async function answerAll(ctx: ExamContext, first: ExamViewDTO, good: (i: number) => boolean): Promise<ExamViewDTO> {
  let v = first;
  for (let i = 0; i < v.total; i++) {
    v = await gotoItem(ctx, { attemptId: v.id, item: i });
    if (v.item.format === 'domc') v = await judgeDomc(ctx, v, good(i));
    else {
      const opts = v.item.choice!.options;
      const picks = opts.filter((o) => (good(i) ? isRight(o.text) : !isRight(o.text))).map((o) => o.position);
      v = await answerChoice(ctx, { attemptId: v.id, item: i, selected: v.item.multiple ? picks : picks.slice(0, 1) });
    }
  }
  return v;
}

/**
 * Start an exam, abandoning the learner's open one first: one open attempt per learner (issue 12) is
 * tested on its own in tests/server/fixed/exam-integrity.test.ts; these tests start many attempts.
 */
async function start(ctx: ExamContext, input: Record<string, unknown>, seed?: number): Promise<ExamViewDTO> {
  const open = await openAttempt(ctx);
  return startExam(ctx, { ...input, abandon: open?.id }, seed);
}

function expectKind(kind: string) {
  return (e: unknown) => {
    expect(e).toBeInstanceOf(ExamError);
    expect((e as ExamError).kind).toBe(kind);
  };
}

describe('starting an exam', () => {
  it('draws the blueprint, mostly DOMC, with a deadline from its minutes', async () => {
    const v = await start(aliceCtx(), { blueprintId: 'mini' }, 42);
    expect(v.total).toBe(12);
    expect(v.status).toBe('active');
    expect(new Date(v.deadline).getTime() - T0.getTime()).toBe(24 * 60_000);
    const formats = (await t.db.examAttempt.findUniqueOrThrow({ where: { id: v.id } })).items;
    const domc = JSON.parse(formats).filter((i: { format: string }) => i.format === 'domc').length;
    expect(domc).toBeGreaterThanOrEqual(6);
  });

  it('scales the time of a shorter exam', async () => {
    const v = await start(aliceCtx(), { blueprintId: 'mini', size: 6 }, 7);
    expect(v.total).toBe(6);
    expect(new Date(v.deadline).getTime() - T0.getTime()).toBe(12 * 60_000);
  });

  it.each([
    [{ blueprintId: 'nope' }, 'not-found'],
    [{ blueprintId: '' }, 'bad-request'],
    [{ blueprintId: 'mini', size: -3 }, 'bad-request'],
    [{ blueprintId: 'mini', size: 'ten' }, 'bad-request'],
  ])('refuses %j with %s', async (input, kind) => {
    await start(aliceCtx(), input).then(() => fail('accepted'), expectKind(kind));
  });
});

describe('DOMC progression', () => {
  it('shows one option at a time and settles a single-choice item on a Yes', async () => {
    const ctx = aliceCtx();
    let v = await start(ctx, { blueprintId: 'mini' }, 1001);
    // Find a DOMC single-choice item.
    for (let i = 0; i < v.total && !(v.item.format === 'domc' && !v.item.multiple); i++) v = await gotoItem(ctx, { attemptId: v.id, item: i });
    expect(v.item.format).toBe('domc');
    expect(v.item.domc!.judged).toEqual([]);
    expect(v.item.choice).toBeUndefined();
    // Say No to every wrong option until the right one shows, then Yes.
    let steps = 0;
    while (v.item.domc!.next && !isRight(v.item.domc!.next.text)) {
      v = await answerDomc(ctx, { attemptId: v.id, item: v.item.index, step: steps++, response: false });
    }
    v = await answerDomc(ctx, { attemptId: v.id, item: v.item.index, step: steps, response: true });
    // Either finished now, or one unscored decoy follows.
    if (v.item.domc!.next) v = await answerDomc(ctx, { attemptId: v.id, item: v.item.index, step: steps + 1, response: false });
    expect(v.item.domc!.next).toBeNull();
    expect(v.nav[v.item.index].status).toBe('answered');
  });

  it('ends an item early on a Yes to a wrong option', async () => {
    const ctx = aliceCtx();
    let v = await start(ctx, { blueprintId: 'mini' }, 2002);
    let endedEarly = 0;
    for (let i = 0; i < v.total; i++) {
      v = await gotoItem(ctx, { attemptId: v.id, item: i });
      if (v.item.format !== 'domc' || isRight(v.item.domc!.next!.text)) continue;
      v = await answerDomc(ctx, { attemptId: v.id, item: i, step: 0, response: true });
      // Settled now: at most one unscored decoy more, never the rest of the list.
      if (v.item.domc!.next) v = await answerDomc(ctx, { attemptId: v.id, item: i, step: 1, response: true });
      expect(v.item.domc!.next).toBeNull();
      expect(v.item.domc!.judged.length).toBeLessThanOrEqual(2);
      expect(v.nav[i].status).toBe('answered');
      const r = await answerDomc(ctx, { attemptId: v.id, item: i, step: v.item.domc!.judged.length, response: false }).catch((e) => e);
      expectKind('conflict')(r);
      endedEarly++;
    }
    expect(endedEarly).toBeGreaterThan(0);
    await submitExam(ctx, { attemptId: v.id });
    const result = await getExamResult(ctx, v.id);
    for (const item of result.items.filter((it) => it.format === 'domc' && it.options[0].response === 'yes' && !it.options[0].correct))
      expect(item.correct).toBe(false);
  });

  it('a multiple-choice DOMC item is right only when every option is judged right', async () => {
    const ctx = aliceCtx();
    let v = await start(ctx, { blueprintId: 'mini' }, 2102);
    let seen = 0;
    for (let i = 0; i < v.total; i++) {
      v = await gotoItem(ctx, { attemptId: v.id, item: i });
      if (v.item.format !== 'domc' || !v.item.multiple) continue;
      v = await judgeDomc(ctx, v, true);
      expect(v.item.domc!.judged).toHaveLength(4);
      seen++;
    }
    await submitExam(ctx, { attemptId: v.id });
    const r = await getExamResult(ctx, v.id);
    for (const it of r.items.filter((it) => it.format === 'domc' && it.multiple)) expect(it.correct).toBe(true);
    expect(seen).toBe(r.items.filter((it) => it.format === 'domc' && it.multiple).length);
  });

  it('has no going back: a changed answer to a judged option is refused, a repeat is a no-op', async () => {
    const ctx = aliceCtx();
    let v = await start(ctx, { blueprintId: 'mini' }, 3003);
    for (let i = 0; i < v.total && v.item.format !== 'domc'; i++) v = await gotoItem(ctx, { attemptId: v.id, item: i });
    const first = v.item.domc!.next!;
    const resp = !isRight(first.text) ? false : true; // the right judgement keeps the item open for single choice "No"
    v = await answerDomc(ctx, { attemptId: v.id, item: v.item.index, step: 0, response: resp });
    const again = await answerDomc(ctx, { attemptId: v.id, item: v.item.index, step: 0, response: resp });
    expect(again.item.domc!.judged).toEqual(v.item.domc!.judged);
    await answerDomc(ctx, { attemptId: v.id, item: v.item.index, step: 0, response: !resp }).then(() => fail('changed'), expectKind('conflict'));
    await answerDomc(ctx, { attemptId: v.id, item: v.item.index, step: 5, response: true }).then(() => fail('skipped'), expectKind('conflict'));
  });

  it('refuses a whole-item answer for a DOMC item and vice versa', async () => {
    const ctx = aliceCtx();
    let v = await start(ctx, { blueprintId: 'mini' }, 4004);
    for (let i = 0; i < v.total; i++) {
      v = await gotoItem(ctx, { attemptId: v.id, item: i });
      if (v.item.format === 'domc')
        await answerChoice(ctx, { attemptId: v.id, item: i, selected: [0] }).then(() => fail('accepted'), expectKind('bad-request'));
      else
        await answerDomc(ctx, { attemptId: v.id, item: i, step: 0, response: true }).then(() => fail('accepted'), expectKind('bad-request'));
    }
  });
});

describe('secrecy', () => {
  it('no DTO carries a key, an explanation or an unseen option before submission', async () => {
    const ctx = aliceCtx();
    const dtos: unknown[] = [];
    let v = await start(ctx, { blueprintId: 'mini' }, 5005);
    dtos.push(v);
    for (let i = 0; i < v.total; i++) {
      v = await gotoItem(ctx, { attemptId: v.id, item: i });
      dtos.push(v);
      if (v.item.format === 'domc') {
        const shown = new Set<string>();
        while (v.item.domc!.next) {
          shown.add(v.item.domc!.next.text);
          v = await answerDomc(ctx, { attemptId: v.id, item: i, step: v.item.domc!.next.step, response: false });
          dtos.push(v);
        }
        // Only options that were offered appear in the item's DTO.
        const json = JSON.stringify(v.item);
        for (const q of bank.questions.filter((q) => v.item.prompt === q.prompt))
          for (const c of q.choices!) if (!shown.has(c.text)) expect(json).not.toContain(c.text);
      }
    }
    dtos.push(await getExamView(ctx, v.id));
    dtos.push(await flagItem(ctx, { attemptId: v.id, item: 0, flagged: true }));
    dtos.push(await listAttempts(ctx));
    await getExamResult(ctx, v.id).then(() => fail('revealed'), expectKind('forbidden'));
    const json = JSON.stringify(dtos);
    expect(json).not.toMatch(/"correct"/);
    expect(json).not.toMatch(/SECRET-EXPLANATION/);
    expect(json).not.toMatch(/choiceOrder|"seed"|"decoy"|"answers"/);
    // After submission the result reveals everything.
    await submitExam(ctx, { attemptId: v.id });
    const result = await getExamResult(ctx, v.id);
    expect(JSON.stringify(result)).toMatch(/SECRET-EXPLANATION/);
  });
});

describe('deadline', () => {
  it('accepts answers in the grace period, refuses them after, and auto-submits', async () => {
    let v = await start(aliceCtx(), { blueprintId: 'mini', size: 6 }, 6006);
    const deadline = new Date(v.deadline).getTime() - T0.getTime();
    v = await flagItem(aliceCtx(at(deadline + DEADLINE_GRACE_MS - 1)), { attemptId: v.id, item: 1, flagged: true });
    expect(v.status).toBe('active');
    const late = aliceCtx(at(deadline + DEADLINE_GRACE_MS + 1));
    await flagItem(late, { attemptId: v.id, item: 2, flagged: true }).then(() => fail('accepted late'), expectKind('expired'));
    const row = await t.db.examAttempt.findUniqueOrThrow({ where: { id: v.id } });
    expect(row.submittedAt?.toISOString()).toBe(v.deadline);
    expect(row.score).toBe(0);
    expect((await getExamView(late, v.id)).status).toBe('submitted');
    expect((await getExamResult(late, v.id)).passed).toBe(false);
  });

  it('auto-submits overdue attempts when listing history', async () => {
    const v = await start(aliceCtx(), { blueprintId: 'mini', size: 6 }, 6106);
    const list = await listAttempts(aliceCtx(at(60 * 60_000)));
    expect(list.find((a) => a.id === v.id)?.status).toBe('submitted');
  });
});

describe('resume', () => {
  it('a new repo on the same database (a restart) sees the same attempt, answers and position', async () => {
    const ctx = aliceCtx();
    let v = await start(ctx, { blueprintId: 'mini' }, 7007);
    v = await gotoItem(ctx, { attemptId: v.id, item: 3 });
    if (v.item.format === 'domc') v = await judgeDomc(ctx, v, true);
    else v = await answerChoice(ctx, { attemptId: v.id, item: 3, selected: [0] });
    v = await flagItem(ctx, { attemptId: v.id, item: 3, flagged: true });
    const resumed = await getExamView(ctxFor(userRepo(t.db, alice), at(60_000)), v.id);
    expect(resumed.current).toBe(3);
    expect(resumed.item).toEqual(v.item);
    expect(resumed.nav).toEqual(v.nav);
  });

  it('a guest attempt lives on the server under the random key its cookie holds', async () => {
    const repo1 = guestRepo(t.db, undefined);
    let v = await start(ctxFor(repo1), { blueprintId: 'mini', size: 6 }, 8008);
    const key = repo1.key()!;
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const repo2 = guestRepo(t.db, key);
    v = await gotoItem(ctxFor(repo2), { attemptId: v.id, item: 2 });
    expect((await getExamView(ctxFor(guestRepo(t.db, key)), v.id)).current).toBe(2);
    // Another or a forged key reaches nothing.
    await getExamView(ctxFor(guestRepo(t.db, 'A'.repeat(32))), v.id).then(() => fail('allowed'), expectKind('not-found'));
    await getExamView(ctxFor(guestRepo(t.db, 'bad key')), v.id).then(() => fail('allowed'), expectKind('not-found'));
  });

  it('guests may take a short exam but not one longer than 20 questions', async () => {
    const guest = () => ctxFor(guestRepo(t.db, undefined));
    expect((await start(guest(), { blueprintId: 'big', size: 20 })).total).toBe(20);
    await start(guest(), { blueprintId: 'big' }).then(() => fail('accepted'), expectKind('forbidden'));
    expect((await start(aliceCtx(), { blueprintId: 'big' })).total).toBe(22);
  });
});

describe('scoring', () => {
  it('scores per objective and decides pass/fail', async () => {
    const ctx = aliceCtx();
    const v0 = await start(ctx, { blueprintId: 'mini' }, 9009);
    // Right on the even items, wrong on the odd ones.
    const v = await answerAll(ctx, v0, (i) => i % 2 === 0);
    const summary = await submitExam(ctx, { attemptId: v.id });
    expect(summary.status).toBe('submitted');
    expect(summary.score).toBe(50);
    expect(summary.passed).toBe(false);
    const r = await getExamResult(ctx, v.id);
    expect(r.correct).toBe(6);
    expect(r.objectives.map((o) => o.total).reduce((a, b) => a + b, 0)).toBe(12);
    for (const o of r.objectives) {
      const mine = r.items.filter((i) => i.objective === o.title);
      expect(o.correct).toBe(mine.filter((i) => i.correct).length);
      expect(o.total).toBe(mine.length);
    }
    expect(r.items.every((i, k) => i.correct === (k % 2 === 0))).toBe(true);
    // Submitting again changes nothing; answering afterwards is refused.
    expect((await submitExam(ctx, { attemptId: v.id })).score).toBe(50);
    await flagItem(ctx, { attemptId: v.id, item: 0, flagged: true }).then(() => fail('accepted'), expectKind('expired'));
  });

  it('an early submit marks untouched questions "unanswered" and objectives with no answer "not examined" (issue 14)', async () => {
    const ctx = aliceCtx();
    let v = await startExam(ctx, { blueprintId: 'mini' }, 9209);
    // Answer the first item only (rightly), flag the third, leave the rest untouched.
    if (v.item.format === 'domc') v = await judgeDomc(ctx, v, true);
    else {
      const picks = v.item.choice!.options.filter((o) => isRight(o.text)).map((o) => o.position);
      v = await answerChoice(ctx, { attemptId: v.id, item: 0, selected: v.item.multiple ? picks : picks.slice(0, 1) });
    }
    v = await flagItem(ctx, { attemptId: v.id, item: 2, flagged: true });
    await submitExam(ctx, { attemptId: v.id });
    const r = await getExamResult(ctx, v.id);
    expect(r.items[0].outcome).toBe('correct');
    expect(r.items.slice(1).every((i) => i.outcome === 'unanswered' && !i.correct)).toBe(true);
    expect(r.items.map((i) => i.flagged)).toEqual(r.items.map((_, k) => k === 2));
    expect(r.items[0].questionId).toMatch(/\S/);
    const first = r.objectives.find((o) => o.id === r.items[0].objectiveId)!;
    expect(first.answered).toBe(1);
    expect(first.percent).not.toBeNull();
    for (const o of r.objectives.filter((o) => o.id !== first.id)) expect([o.answered, o.percent]).toEqual([0, null]);
  });

  it('passes a learner who gets everything right', async () => {
    const ctx = aliceCtx();
    const v = await answerAll(ctx, await start(ctx, { blueprintId: 'mini' }, 9109), () => true);
    const s = await submitExam(ctx, { attemptId: v.id });
    expect([s.score, s.passed]).toEqual([100, true]);
  });
});

describe('ownership', () => {
  it('another user can neither read nor answer nor submit the attempt', async () => {
    const mine = await start(aliceCtx(), { blueprintId: 'mini' }, 10010);
    const bobCtx = ctxFor(userRepo(t.db, bob));
    const attempts: Promise<unknown>[] = [
      getExamView(bobCtx, mine.id),
      gotoItem(bobCtx, { attemptId: mine.id, item: 1 }),
      flagItem(bobCtx, { attemptId: mine.id, item: 1, flagged: true }),
      answerDomc(bobCtx, { attemptId: mine.id, item: 0, step: 0, response: true }),
      answerChoice(bobCtx, { attemptId: mine.id, item: 0, selected: [0] }),
      submitExam(bobCtx, { attemptId: mine.id }),
      getExamResult(bobCtx, mine.id),
    ];
    for (const p of attempts) await p.then(() => fail('allowed'), expectKind('not-found'));
    expect((await listAttempts(bobCtx)).map((a) => a.id)).not.toContain(mine.id);
    // A guest cannot reach a user's attempt either.
    await getExamView(ctxFor(guestRepo(t.db, undefined)), mine.id).then(() => fail('allowed'), expectKind('not-found'));
    const row = await t.db.examAttempt.findUniqueOrThrow({ where: { id: mine.id } });
    expect([row.answers, row.flags, row.submittedAt]).toEqual(['{}', '[]', null]);
  });
});
