import {
  addDays,
  buildQueue,
  buildTrainingSet,
  dayKey,
  interleaveDecks,
  optimizationReadiness,
  retentionByPeriod,
  spread,
  startOfDay,
  startOfNextDay,
  streak,
  trueRetention,
  type QueueCandidate,
} from '@/lib/srs';

const NOW = new Date('2026-11-28T10:00:00Z');
const card = (questionId: string, deck: string, state: number, sourceItem = questionId): QueueCandidate => ({
  questionId,
  deck,
  state,
  sourceItem,
  due: NOW,
});
const none = { newStudied: 0, reviewsDone: 0, sourceItems: new Set<string>() };
const ids = (cs: { questionId: string }[]) => cs.map((c) => c.questionId);

describe('buildQueue', () => {
  it('puts learning cards first, unlimited', () => {
    const q = buildQueue({
      limits: { newPerDay: 0, maxReviewsPerDay: 0 },
      today: none,
      due: [card('r1', 'a', 2), card('l1', 'a', 1), card('l2', 'a', 3)],
      fresh: [card('n1', 'a', 0)],
      size: 10,
    });
    expect(ids(q.cards)).toEqual(['l1', 'l2']);
  });

  it.each([
    // [limits, done today, expected reviews, expected new]
    [{ newPerDay: 2, maxReviewsPerDay: 3 }, { newStudied: 0, reviewsDone: 0 }, 3, 2],
    [{ newPerDay: 2, maxReviewsPerDay: 3 }, { newStudied: 1, reviewsDone: 2 }, 1, 1],
    [{ newPerDay: 2, maxReviewsPerDay: 3 }, { newStudied: 5, reviewsDone: 9 }, 0, 0],
    [{ newPerDay: 0, maxReviewsPerDay: 100 }, { newStudied: 0, reviewsDone: 0 }, 5, 0],
  ])('daily limits %j with %j done -> %d reviews, %d new', (limits, done, reviews, fresh) => {
    const q = buildQueue({
      limits,
      today: { ...done, sourceItems: new Set() },
      due: ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => card(id, 'a', 2)),
      fresh: ['n1', 'n2', 'n3'].map((id) => card(id, 'a', 0)),
      size: 50,
    });
    expect(q.cards.filter((c) => c.state === 2)).toHaveLength(reviews);
    expect(q.cards.filter((c) => c.state === 0)).toHaveLength(fresh);
  });

  it('buries siblings reviewed today or already queued', () => {
    const q = buildQueue({
      limits: { newPerDay: 10, maxReviewsPerDay: 10 },
      today: { newStudied: 0, reviewsDone: 0, sourceItems: new Set(['done-today']) },
      due: [card('r1', 'a', 2, 'done-today'), card('r2', 'a', 2, 'pair'), card('r3', 'a', 2, 'pair')],
      fresh: [card('n1', 'a', 0, 'pair'), card('n2', 'a', 0, 'solo')],
      size: 10,
    });
    expect(ids(q.cards).sort()).toEqual(['n2', 'r2']);
    expect(q.buried).toBe(3);
  });

  it('interleaves decks and spreads new cards among reviews', () => {
    expect(ids(interleaveDecks([card('a1', 'a', 2), card('a2', 'a', 2), card('a3', 'a', 2), card('b1', 'b', 2)]))).toEqual([
      'a1',
      'b1',
      'a2',
      'a3',
    ]);
    expect(spread<number | string>([1, 2, 3, 4], ['x', 'y'])).toEqual([1, 2, 'x', 3, 4, 'y']);
    expect(spread<string>([], ['x'])).toEqual(['x']);
    expect(spread([1], [])).toEqual([1]);
  });

  it('returns at most size cards', () => {
    const q = buildQueue({
      limits: { newPerDay: 10, maxReviewsPerDay: 10 },
      today: none,
      due: ['r1', 'r2', 'r3'].map((id) => card(id, 'a', 2)),
      fresh: [],
      size: 2,
    });
    expect(q.cards).toHaveLength(2);
  });
});

describe('calendar', () => {
  it.each([
    ['UTC', '2026-11-28T10:00:00Z', '2026-11-28', '2026-11-28T00:00:00.000Z'],
    ['Europe/Paris', '2026-11-28T23:30:00Z', '2026-11-29', '2026-11-28T23:00:00.000Z'],
    ['America/New_York', '2026-11-28T03:00:00Z', '2026-11-27', '2026-11-27T05:00:00.000Z'],
    // DST starts in New York on 2026-03-08: local midnight is still at UTC-5
    ['America/New_York', '2026-03-08T15:00:00Z', '2026-03-08', '2026-03-08T05:00:00.000Z'],
    ['Asia/Kolkata', '2026-11-28T20:00:00Z', '2026-11-29', '2026-11-28T18:30:00.000Z'],
  ])('%s at %s: day %s starting %s', (tz, at, key, start) => {
    expect(dayKey(new Date(at), tz)).toBe(key);
    expect(startOfDay(new Date(at), tz).toISOString()).toBe(start);
  });

  it('finds the next local day across a DST change', () => {
    expect(startOfNextDay(new Date('2026-03-08T15:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});

describe('stats', () => {
  const log = (at: string, rating: number, prevState: number) => ({ reviewedAt: new Date(at), rating, prevState });
  const logs = [
    log('2026-11-02T10:00:00Z', 3, 2),
    log('2026-11-02T11:00:00Z', 1, 2),
    log('2026-11-03T10:00:00Z', 3, 0), // new card: not counted
    log('2026-11-10T10:00:00Z', 4, 2),
    log('2026-11-10T11:00:00Z', 1, 3), // relearning: not counted
  ];

  it('true retention counts only review-state cards, passed = not Again', () => {
    expect(trueRetention(logs)).toEqual({ reviews: 3, passed: 2, retention: 2 / 3 });
    expect(trueRetention([])).toEqual({ reviews: 0, passed: 0, retention: null });
  });

  it('buckets retention by ISO week and by month', () => {
    expect(retentionByPeriod(logs, 'UTC', 'week').map((b) => [b.period, b.reviews, b.passed])).toEqual([
      ['2026-11-02', 2, 1],
      ['2026-11-09', 1, 1],
    ]);
    expect(retentionByPeriod(logs, 'UTC', 'month')).toHaveLength(1);
  });

  it('counts the streak ending today or yesterday', () => {
    const days = new Set(['2026-11-25', '2026-11-26', '2026-11-27']);
    expect(streak(days, '2026-11-27')).toBe(3);
    expect(streak(days, '2026-11-28')).toBe(3);
    expect(streak(days, '2026-11-29')).toBe(0);
  });
});

describe('optimizer training set', () => {
  it('builds one item per review after the first, with whole-day gaps', () => {
    const items = buildTrainingSet([
      { questionId: 'q', rating: 3, reviewedAt: new Date('2026-11-01T10:00:00Z') },
      { questionId: 'q', rating: 3, reviewedAt: new Date('2026-11-01T10:10:00Z') },
      { questionId: 'q', rating: 1, reviewedAt: new Date('2026-11-04T09:00:00Z') },
      { questionId: 'solo', rating: 3, reviewedAt: new Date('2026-11-01T10:00:00Z') },
    ]);
    expect(items).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
      ],
    ]);
    expect(optimizationReadiness(3, items)).toMatchObject({ ready: false });
  });
});
