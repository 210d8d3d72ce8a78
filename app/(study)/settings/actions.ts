'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser } from '@/server/session';
import { optimizeParameters, updateSettings } from '@/server/settings';
import { getProgress } from '@/server/progress';
import { releaseAllCards, releaseCard, ReleaseInputSchema } from '@/server/holds';
import { StoreError } from '@/lib/srs';
import { THEME_COOKIE } from '@/components/settings/theme';
import type { SettingsFormState } from '@/components/settings/SettingsForm';
import type { OptimiseState } from '@/components/settings/OptimiseButton';
import { SettingsFormSchema } from './schema';
import { plural } from '@/components/ui/format';

const YEAR = 60 * 60 * 24 * 365;

/** Save the settings form: limits and retention for the learner, theme in a cookie (and the profile). */
export async function saveSettings(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const user = await getCurrentUser();
  const raw = Object.fromEntries(form.entries());
  const parsed = user ? SettingsFormSchema.safeParse(raw) : SettingsFormSchema.pick({ theme: true }).safeParse(raw);
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  const data = parsed.data;
  (await cookies()).set(THEME_COOKIE, data.theme, { path: '/', maxAge: YEAR, sameSite: 'lax', httpOnly: false });
  if (user) {
    try {
      await updateSettings(user.id, data);
    } catch (err) {
      if (err instanceof StoreError && err.kind === 'bad-request') return { status: 'error', message: 'Some values were not accepted.', fieldErrors: err.fields ?? {} };
      throw err;
    }
  }
  revalidatePath('/', 'layout');
  return { status: 'saved', message: user ? 'Settings saved.' : 'Theme saved on this device.' };
}

/** Fit the scheduler to the learner's own review history (the store's optimiser) and report the retention achieved. */
export async function optimiseSchedule(): Promise<OptimiseState> {
  const user = await getCurrentUser();
  if (!user) return { status: 'error', message: 'Sign in to optimise your schedule.' };
  const result = await optimizeParameters(user.id);
  const progress = await getProgress(user.id, { days: 365 });
  const achieved = progress.retention.retention;
  const reviews = progress.retention.reviews;
  switch (result.status) {
    case 'optimized':
      revalidatePath('/settings');
      return { status: 'done', message: `Your schedule now uses parameters fitted to your ${plural(result.reviews, 'review')}.`, achieved, reviews };
    case 'not-enough-data':
      return { status: 'done', message: `Not enough history yet: ${result.reason}. The default parameters stay in use.`, achieved, reviews };
    case 'unavailable':
      return { status: 'error', message: `The optimiser is not available here (${result.reason}).` };
  }
}

/** Put a suspended or buried card back into the review queue (form field `questionId`), or every held card (`all`). */
export async function releaseHeld(form: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) return;
  if (form.get('all')) {
    await releaseAllCards(user.id);
  } else {
    const parsed = ReleaseInputSchema.safeParse({ questionId: form.get('questionId') });
    if (parsed.success) await releaseCard(user.id, parsed.data.questionId);
  }
  revalidatePath('/settings');
}
