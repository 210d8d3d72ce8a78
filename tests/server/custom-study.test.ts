/**
 * Issue 14 custom study: one topic (due, then new, then the rest), failed cards of the last
 * N days, review ahead, the counts the Study more page shows, and the query parser's errors.
 * Real bank, fresh migrated database, fixed clock.
 */
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { getQueue } from '@/server/cards';
import { loadBank } from '@/server/banks';
import { holdCard } from '@/server/holds';
import { submitReview } from '@/server/reviews';
import { updateSettings } from '@/server/settings';
import { customStudyCounts, customStudySession, describeCustomStudy, parseCustomStudy, topicsOf } from '@/server/web/custom-study';
import { createUser } from './fixtures/bank';

const T0 = new Date('2026-11-28T10:00:00.000Z');
const HOUR = 3_600_000;
let seq = 0;
let t: TestDatabase;
beforeAll(() => {
  t = freshDatabase('custom-study');
});
afterAll(async () => {
  await t.close();
});

async function learner(): Promise<string> {
  const id = await createUser(t.db, `cs${++seq}-${process.pid}@example.com`);
  await updateSettings(id, { enableFuzz: false, newPerDay: 10 }, { db: t.db });
  return id;
}
let reviewSeq = 0;
const grade = (u: string, questionId: string, rating: 1 | 3, now: Date) =>
  submitReview(u, { clientReviewId: `cs-review-${++reviewSeq}-${process.pid}`, questionId, rating, durationMs: 1000, source: 'flashcard' }, { db: t.db, now });

describe('custom study', () => {
  it('parses the query and names what is wrong', () => {
    expect(parseCustomStudy({})).toBeNull();
    expect(parseCustomStudy({ failed: '1' })).toEqual({ kind: 'failed', days: 1 });
    expect(parseCustomStudy({ custom: 'ahead', days: '7' })).toEqual({ kind: 'ahead', days: 7 });
    expect(parseCustomStudy({ custom: 'topic', topic: 'net-dns/Service discovery' })).toEqual({ kind: 'topic', deck: 'net-dns', section: 'Service discovery' });
    expect(parseCustomStudy({ custom: 'failed', days: '99' })).toEqual({ error: '"days" must be a whole number from 1 to 30 (got "99").' });
    expect(parseCustomStudy({ custom: 'cram' })).toEqual({ error: 'Unknown custom study "cram": use topic, failed or ahead.' });
    expect(parseCustomStudy({ custom: 'topic', topic: 'nodeck' })).toMatchObject({ error: expect.stringContaining('topic=DECK/SECTION') });
  });

  it('one topic: every usable card of the section, due first, then new, held cards left out', async () => {
    const u = await learner();
    const topic = topicsOf().find((x) => x.section && x.count >= 4)!;
    const inTopic = loadBank().bank.questions.filter((q) => q.deck === topic.deck && (q.topic[1] ?? '') === topic.section && !q.outdated);
    // One card of the topic failed an hour ago (due again in minutes), one suspended.
    await grade(u, inTopic[0].id, 1, new Date(T0.getTime() - HOUR));
    await holdCard(u, { questionId: inTopic[1].id, kind: 'suspended' }, { db: t.db, now: T0 });
    const cards = await customStudySession(u, { kind: 'topic', deck: topic.deck, section: topic.section }, T0, t.db);
    expect(cards[0].questionId).toBe(inTopic[0].id);
    expect(cards[0].state).not.toBe('New');
    expect(cards.map((c) => c.questionId)).not.toContain(inTopic[1].id);
    expect(cards.slice(1).every((c) => c.state === 'New')).toBe(true);
    for (const c of cards) expect(inTopic.map((q) => q.id)).toContain(c.questionId);
    expect(describeCustomStudy({ kind: 'topic', deck: topic.deck, section: topic.section }).title).toBe(`Custom study: ${topic.section}`);
    // An unknown topic is an empty session, not an error.
    expect(await customStudySession(u, { kind: 'topic', deck: topic.deck, section: 'No such section' }, T0, t.db)).toEqual([]);
  });

  it('failed cards of the last N days and review ahead, with the counts the page shows', async () => {
    const u = await learner();
    const ids = (await getQueue(u, { limit: 4 }, { db: t.db, now: new Date(T0.getTime() - 5 * 24 * HOUR), bank: loadBank() })).items.map((i) => i.questionId);
    expect(ids.length).toBe(4);
    const [old, recent, good, other] = ids;
    await grade(u, old, 1, new Date(T0.getTime() - 5 * 24 * HOUR)); // failed 5 days ago
    await grade(u, recent, 1, new Date(T0.getTime() - 2 * HOUR)); // failed today
    await grade(u, good, 3, new Date(T0.getTime() - 2 * HOUR)); // learnt today: due in days
    await grade(u, good, 3, new Date(T0.getTime() - HOUR));
    await grade(u, other, 3, new Date(T0.getTime() - 2 * HOUR));
    const failed1 = await customStudySession(u, { kind: 'failed', days: 1 }, T0, t.db);
    expect(failed1.map((c) => c.questionId)).toEqual([recent]);
    const failed7 = await customStudySession(u, { kind: 'failed', days: 7 }, T0, t.db);
    expect(failed7.map((c) => c.questionId).sort()).toEqual([old, recent].sort());
    const counts = await customStudyCounts(u, T0, t.db);
    expect(counts.failed).toEqual({ 1: 1, 2: 1, 7: 2, 30: 2 });
    // Review ahead: cards not due yet, soonest first; none is due now.
    const ahead30 = await customStudySession(u, { kind: 'ahead', days: 30 }, T0, t.db);
    expect(ahead30.length).toBe(counts.ahead[30]);
    expect(ahead30.length).toBeGreaterThan(0);
    const states = await t.db.cardState.findMany({ where: { userId: u, questionId: { in: ahead30.map((c) => c.questionId) } } });
    for (const s of states) expect(s.due.getTime()).toBeGreaterThan(T0.getTime());
    const dues = ahead30.map((c) => states.find((s) => s.questionId === c.questionId)!.due.getTime());
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(counts.ahead[1]).toBeLessThanOrEqual(counts.ahead[7]);
  });
});
