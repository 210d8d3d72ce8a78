import 'server-only';
import { z } from 'zod';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  buildTrainingSet,
  createScheduler,
  FsrsParamsSchema,
  isValidTimeZone,
  optimizationReadiness,
  StoreError,
  type Scheduler,
  type SchedulerSettings,
} from '@/lib/srs';
import { sharedCache, TtlCache, USER_CACHE_TTL_MS } from './cache';
import { db as defaultDb, type Db } from './db';
import { driverFor, queryOne } from './driver';

/**
 * Per-user study settings. A user without a settings row gets DEFAULT_SETTINGS;
 * `updateSettings` validates a partial patch and upserts.
 */

export const ThemeSchema = z.enum(['light', 'dark', 'system']);
/** Choice questions as flashcards: pick the options (machine-graded) or recall, then see them on the back. */
export const ChoiceModeSchema = z.enum(['pick', 'reveal']);

/** Settings as the UI sees and edits them. */
export const SettingsSchema = z.object({
  desiredRetention: z.number().min(0.7).max(0.99),
  newPerDay: z.number().int().min(0).max(9999),
  maxReviewsPerDay: z.number().int().min(0).max(99999),
  fsrsParams: FsrsParamsSchema.nullable(),
  enableFuzz: z.boolean(),
  theme: ThemeSchema,
  /** Deck ids studied; [] means every deck. */
  deckFilter: z.array(z.string().min(1).max(200)).max(500),
  timezone: z.string().min(1).max(100).refine(isValidTimeZone, { message: 'is not a known IANA time zone' }),
  choiceMode: ChoiceModeSchema,
  /** Custom study: extra new cards allowed on the day `extraNewDay` (YYYY-MM-DD, learner's zone). */
  extraNewToday: z.number().int().min(0).max(9999),
  extraNewDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update; unknown keys are rejected. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();

export const DEFAULT_SETTINGS: Settings = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  fsrsParams: null,
  enableFuzz: true,
  theme: 'system',
  deckFilter: [],
  timezone: 'UTC',
  // Picking is the default: a learner who sees options answers them, and the grade is then honest.
  choiceMode: 'pick',
  extraNewToday: 0,
  extraNewDay: null,
};

export interface StoreContext {
  db?: Db;
  now?: Date;
}

interface SettingsRow {
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  fsrsParams: string | null;
  enableFuzz: boolean;
  theme: string;
  deckFilter: string;
  timezone: string;
  choiceMode: string;
  extraNewToday: number;
  extraNewDay: string | null;
}

/** Row -> DTO; tolerant of stale JSON (falls back to defaults per field). */
export function settingsFromRow(row: SettingsRow | null): Settings {
  if (!row) return { ...DEFAULT_SETTINGS };
  const json = (s: string | null): unknown => {
    try {
      return s === null ? null : JSON.parse(s);
    } catch {
      return undefined;
    }
  };
  const candidate = { ...row, fsrsParams: json(row.fsrsParams), deckFilter: json(row.deckFilter) };
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    const parsed = SettingsSchema.shape[key].safeParse(candidate[key]);
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/** DTO fields -> row columns. */
export function settingsToRow(s: Partial<Settings>): Partial<SettingsRow> {
  const row: Partial<SettingsRow> = {};
  for (const [k, v] of Object.entries(s)) {
    if (v === undefined) continue;
    if (k === 'fsrsParams') row.fsrsParams = v === null ? null : JSON.stringify(v);
    else if (k === 'deckFilter') row.deckFilter = JSON.stringify(v);
    else (row as Record<string, unknown>)[k] = v;
  }
  return row;
}

/**
 * Settings read through the app's own client, kept USER_CACHE_TTL_MS per instance (the review
 * path reads them on every grade); `updateSettings` and `forgetUser` drop the entry.
 */
const cachedSettings = sharedCache<string, Settings>('settings', USER_CACHE_TTL_MS, 10_000, true);

/** Settings parsed from a row, by the row's JSON (parsing validates eleven fields; most learners share a few rows). */
const parsedSettings = new TtlCache<string, Settings>(60_000, 1_000);

/** A learner's settings (defaults when none were saved). Treat the result as read-only. */
export async function getSettings(userId: string, ctx: StoreContext = {}): Promise<Settings> {
  const db = ctx.db ?? defaultDb;
  // Only the process's own client is cached: tests and benches pass their own databases.
  const cacheable = db === defaultDb;
  const hit = cacheable ? cachedSettings.get(userId) : undefined;
  if (hit) return hit;
  const row = await settingsRow(db, userId);
  // An unchanged row gives the same (read-only) object, and so the same scheduler (schedulerFor).
  const key = JSON.stringify(row);
  let settings = parsedSettings.get(key);
  if (!settings) parsedSettings.set(key, (settings = settingsFromRow(row)));
  if (cacheable) cachedSettings.set(userId, settings);
  return settings;
}

const SETTINGS_COLUMNS = [
  'desiredRetention', 'newPerDay', 'maxReviewsPerDay', 'fsrsParams', 'enableFuzz', 'theme', 'deckFilter', 'timezone', 'choiceMode', 'extraNewToday', 'extraNewDay',
] as const satisfies readonly (keyof SettingsRow)[];

/** The learner's settings row: one prepared statement on the driver (read on every queue and grade, issue 15), else Prisma. */
async function settingsRow(db: Db, userId: string): Promise<SettingsRow | null> {
  const driver = driverFor(db);
  if (!driver) return db.userSettings.findUnique({ where: { userId } });
  const text = `SELECT ${SETTINGS_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "UserSettings" WHERE "userId" = $1`;
  const row = (await queryOne(driver, 'settings_row', text, [userId])) as (Omit<SettingsRow, 'enableFuzz'> & { enableFuzz: boolean | number }) | undefined;
  return row ? { ...row, enableFuzz: Boolean(row.enableFuzz) } : null;
}

/**
 * Validate `patch` and save it; returns the full settings after the change.
 * @throws StoreError kind 'bad-request' with zod's field errors
 */
export async function updateSettings(userId: string, patch: unknown, ctx: StoreContext = {}): Promise<Settings> {
  const db = ctx.db ?? defaultDb;
  const parsed = SettingsPatchSchema.safeParse(patch);
  if (!parsed.success) throw StoreError.fromZod('invalid settings', parsed.error);
  const data = settingsToRow(parsed.data);
  const row = await db.$transaction((tx) =>
    tx.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
  );
  cachedSettings.delete(userId);
  return settingsFromRow(row);
}

/** The scheduler's view of a learner's settings. */
export function schedulerSettings(s: Settings): SchedulerSettings {
  return { desiredRetention: s.desiredRetention, params: s.fsrsParams, enableFuzz: s.enableFuzz };
}

const schedulers = new WeakMap<Settings, Scheduler>();

/** The scheduler for a settings object, built once per (cached) settings object. */
export function schedulerFor(s: Settings): Scheduler {
  let scheduler = schedulers.get(s);
  if (!scheduler) schedulers.set(s, (scheduler = createScheduler(schedulerSettings(s))));
  return scheduler;
}

/** The outcome of a parameter optimisation. */
export type OptimizeResult =
  | { status: 'optimized'; reviews: number; params: number[] }
  | { status: 'not-enough-data'; reviews: number; reason: string }
  | { status: 'unavailable'; reviews: number; reason: string };

interface FsrsBinding {
  FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
  FSRSBindingItem: new (reviews: unknown[]) => unknown;
  computeParameters(items: unknown[], options?: { enableShortTerm: boolean }): Promise<number[]>;
}

/**
 * The FSRS optimizer (`@open-spaced-repetition/binding`, a prebuilt napi module),
 * loaded at run time through a require the bundler does not follow.
 */
function loadOptimizer(): FsrsBinding | null {
  try {
    const req = createRequire(path.join(process.cwd(), 'package.json'));
    const name = ['@open-spaced-repetition', 'binding'].join('/');
    return req(name) as FsrsBinding;
  } catch {
    return null;
  }
}

/**
 * Fit FSRS parameters to the learner's own (not undone) review log and save them in
 * their settings. Needs MIN_REVIEWS_FOR_OPTIMIZATION reviews; below that, or when the
 * optimizer cannot load, nothing changes and the result says why.
 */
export async function optimizeParameters(userId: string, ctx: StoreContext = {}): Promise<OptimizeResult> {
  const db = ctx.db ?? defaultDb;
  const logs = await db.reviewLog.findMany({
    where: { userId, undoneAt: null },
    select: { questionId: true, rating: true, reviewedAt: true },
  });
  const items = buildTrainingSet(logs);
  const ready = optimizationReadiness(logs.length, items);
  if (!ready.ready) return { status: 'not-enough-data', reviews: logs.length, reason: ready.reason! };
  const binding = loadOptimizer();
  if (!binding) {
    return { status: 'unavailable', reviews: logs.length, reason: 'the FSRS optimizer (@open-spaced-repetition/binding) is not installed' };
  }
  const trainSet = items.map((it) => new binding.FSRSBindingItem(it.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT))));
  // No `timeout` option: binding 0.5.0 never settles the promise when one is given.
  const params = await binding.computeParameters(trainSet, { enableShortTerm: true });
  const parsed = FsrsParamsSchema.safeParse(params);
  if (!parsed.success) return { status: 'unavailable', reviews: logs.length, reason: `the optimizer returned ${params.length} parameters` };
  await updateSettings(userId, { fsrsParams: parsed.data }, { db });
  return { status: 'optimized', reviews: logs.length, params: parsed.data };
}
