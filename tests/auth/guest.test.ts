import { guestSessionSchema } from '@/components/auth/guest-session';
import { guestReviewId, importGuestAnswers, type GuestAnswerInput, type SubmitGuestAnswer } from '@/server/users';

const NOW = new Date('2026-11-28T12:00:00Z');
const GUEST = '3f0c6a0e-1111-4222-8333-444455556666';

describe('guest session payload', () => {
  it.each([
    ['a flashcard grade', true, { questionId: 'q1', rating: 3, durationMs: 900, source: 'flashcard', answeredAt: '2026-11-28T11:00:00Z' }],
    ['a judged quiz answer', true, { questionId: 'q1', outcome: { correct: false }, durationMs: 900, source: 'quiz', answeredAt: '2026-11-28T11:00:00Z' }],
    ['both rating and outcome', false, { questionId: 'q1', rating: 3, outcome: { correct: true }, durationMs: 1, source: 'quiz', answeredAt: '2026-11-28T11:00:00Z' }],
    ['a smuggled userId', false, { questionId: 'q1', rating: 3, durationMs: 1, source: 'quiz', answeredAt: '2026-11-28T11:00:00Z', userId: 'u2' }],
    ['a rating of 5', false, { questionId: 'q1', rating: 5, durationMs: 1, source: 'flashcard', answeredAt: '2026-11-28T11:00:00Z' }],
  ])('%s (valid: %s)', (_name, ok, answer) => {
    expect(guestSessionSchema.safeParse({ guestId: GUEST, answers: [answer] }).success).toBe(ok);
  });

  it('refuses a guest id that could not be a client review id', () => {
    expect(guestSessionSchema.safeParse({ guestId: 'x:y/../z!', answers: [] }).success).toBe(false);
  });
});

describe('importGuestAnswers', () => {
  it('submits oldest first, at the answer time (capped at now), with stable ids, skipping refused ones', async () => {
    const calls: { id: string; at: string; q: string }[] = [];
    const submit: SubmitGuestAnswer = async (_userId, review, at) => {
      if (review.questionId === 'gone') throw Object.assign(new Error('unknown question'), { kind: 'bad-request' });
      calls.push({ id: review.clientReviewId, at: at.toISOString(), q: review.questionId });
    };
    const answers: GuestAnswerInput[] = [
      // 11:30 UTC written with an offset: ordered by time, not by string.
      { questionId: 'b', rating: 3, durationMs: 1, source: 'flashcard', answeredAt: '2026-11-28T12:30:00+01:00' },
      { questionId: 'a', outcome: { correct: true }, durationMs: 1, source: 'quiz', answeredAt: '2026-11-28T11:00:00Z' },
      { questionId: 'gone', rating: 1, durationMs: 1, source: 'flashcard', answeredAt: '2026-11-28T11:40:00Z' },
      { questionId: 'future', rating: 4, durationMs: 1, source: 'flashcard', answeredAt: '2026-11-28T13:00:00Z' },
    ];
    const res = await importGuestAnswers('user-1', { guestId: GUEST, answers }, NOW, submit);
    expect(res).toEqual({ imported: 3 });
    expect(calls).toEqual([
      { id: guestReviewId(GUEST, answers[1]), at: '2026-11-28T11:00:00.000Z', q: 'a' },
      { id: guestReviewId(GUEST, answers[0]), at: '2026-11-28T11:30:00.000Z', q: 'b' },
      { id: guestReviewId(GUEST, answers[3]), at: NOW.toISOString(), q: 'future' },
    ]);
    // Ids depend on the answer, not its position: a trimmed or grown session re-imports as no-ops.
    expect(guestReviewId(GUEST, answers[0])).toMatch(/^guest_[A-Za-z0-9-]+_[A-Za-z0-9_-]{22}$/);
    expect(guestReviewId(GUEST, answers[0])).not.toBe(guestReviewId(GUEST, { ...answers[0], rating: 4 }));
  });

  it('lets unexpected errors through', async () => {
    const submit: SubmitGuestAnswer = async () => {
      throw new Error('disk full');
    };
    await expect(
      importGuestAnswers('u', { guestId: GUEST, answers: [{ questionId: 'a', rating: 3, durationMs: 1, source: 'flashcard', answeredAt: '2026-11-28T11:00:00Z' }] }, NOW, submit),
    ).rejects.toThrow('disk full');
  });
});
