import { fsrs, generatorParameters, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import { fromCard, toCard, type CardFields } from './convert';
import { GRADES, type Grade, type SchedulerSettings } from './schema';

/**
 * Pure FSRS scheduling over row fields. Time is always a parameter (`now`); fuzz is
 * ts-fsrs's own seeded fuzz (seeded from the card and the review time), so the same
 * inputs give the same outputs.
 */

/** Scheduler defaults when a learner has no settings row. */
export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  params: null,
  enableFuzz: true,
  maximumIntervalDays: 36500,
};

/** What the buttons show for one grade before the learner picks it. */
export interface GradePreview {
  grade: Grade;
  due: Date;
  /** Time from `now` to `due`, compact ("10m", "1d", "3.2mo"). */
  interval: string;
}

export interface Scheduler {
  /** The card after grading it `grade` at `now`. */
  next(card: CardFields, now: Date, grade: Grade): CardFields;
  /** The outcome of every grade at `now`, in grade order (Again..Easy), before fuzz. */
  preview(card: CardFields, now: Date): GradePreview[];
  /** Probability of recall at `now` (0 for new cards). */
  retrievability(card: CardFields, now: Date): number;
}

/** Build a scheduler for one learner's settings. */
export function createScheduler(settings: Partial<SchedulerSettings> = {}): Scheduler {
  const s = { ...DEFAULT_SCHEDULER_SETTINGS, ...settings };
  const engineWith = (fuzz: boolean): FSRS =>
    fsrs(
      generatorParameters({
        request_retention: s.desiredRetention,
        enable_fuzz: fuzz,
        maximum_interval: s.maximumIntervalDays ?? 36500,
        ...(s.params ? { w: s.params } : {}),
      }),
    );
  const engine = engineWith(s.enableFuzz);
  // Previews leave the fuzz out: it is seeded from the review time, so a fuzzed preview at `now` was never the
  // interval the grade later gets (that review happens at another time, with another seed), and seeding ts-fsrs's
  // generator for every grade of every queued card was a fifth of the queue read (issue 15). The label shows the
  // interval before fuzz; the grade then spreads it by a few percent (intervals of 2.5 days or more).
  const previewEngine = s.enableFuzz ? engineWith(false) : engine;
  return {
    next(card, now, grade) {
      return fromCard(engine.next(toCard(card), now, grade as FsrsGrade).card);
    },
    preview(card, now) {
      const log = previewEngine.repeat(toCard(card), now);
      return GRADES.map((grade) => {
        const due = new Date(log[grade as FsrsGrade].card.due);
        return { grade, due, interval: formatInterval(due.getTime() - now.getTime()) };
      });
    },
    retrievability(card, now) {
      if (card.state === 0) return 0;
      return engine.get_retrievability(toCard(card), now, false);
    },
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * Compact interval label as on review buttons: "<1m", "10m", "5h", "1d", "12d",
 * "3.2mo", "1.5y". Days below a month are whole; months and years keep one decimal
 * (dropped when it is .0).
 */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  if (ms < MONTH) return `${Math.round(ms / DAY)}d`;
  if (ms < YEAR) return `${oneDecimal(ms / MONTH)}mo`;
  return `${oneDecimal(ms / YEAR)}y`;
}

function oneDecimal(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
