import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { getCurrentUser } from '@/server/session';
import { DEFAULT_SETTINGS, getSettings } from '@/server/settings';
import { Card, PageHeader } from '@/components/ui';
import { SettingsForm } from '@/components/settings/SettingsForm';
import { OptimiseButton } from '@/components/settings/OptimiseButton';
import { THEME_COOKIE, parseTheme } from '@/components/settings/theme';
import { HeldCards } from '@/components/settings/HeldCards';
import { heldCards } from '@/server/web/holds';
import { optimiseSchedule, releaseHeld, saveSettings } from './actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await getCurrentUser();
  const [settings, held] = user ? await Promise.all([getSettings(user.id), heldCards(user.id)]) : [DEFAULT_SETTINGS, null];
  const cookieTheme = (await cookies()).get(THEME_COOKIE)?.value;
  const theme = cookieTheme ? parseTheme(cookieTheme) : settings.theme;
  return (
    <div className="stack stack-lg" style={{ maxWidth: '46rem' }}>
      <PageHeader eyebrow="Preferences" title="Settings" description="How much to study each day, how hard the schedule pushes, and how NetPrep looks." />
      {!user && (
        <div className="alert alert--info" role="note">
          <Link href="/signin">Sign in</Link> to change your daily limits and retention. The theme works for guests too.
        </div>
      )}
      <Card title="Study and appearance">
        <SettingsForm
          signedIn={!!user}
          action={saveSettings}
          values={{ newPerDay: settings.newPerDay, maxReviewsPerDay: settings.maxReviewsPerDay, desiredRetention: settings.desiredRetention, theme, choiceMode: settings.choiceMode }}
        />
      </Card>
      <Card title="Scheduler optimisation">
        <p className="muted small">
          NetPrep schedules with FSRS. Once you have a few hundred reviews, it can fit the model to your own memory, so
          intervals match how you actually forget.
        </p>
        <OptimiseButton action={optimiseSchedule} disabled={!user} />
      </Card>
      {held && (
        <Card title="Suspended and buried cards" id="held">
          <HeldCards cards={held} release={releaseHeld} timeZone={settings.timezone} />
        </Card>
      )}
    </div>
  );
}
