import type { Metadata } from 'next';
import { getCurrentUser } from '@/server/session';
import { bankTotals, dashboardFor, HEATMAP_WEEKS } from '@/server/web/dashboard';
import { listAttempts } from '@/server/exams';
import { examContext } from '@/server/exams/context';
import { Dashboard, GuestLanding } from '@/components/home/Dashboard';

export const metadata: Metadata = { title: { absolute: 'NetPrep — Docker networking exam prep' } };

export default async function DashboardPage() {
  const user = await getCurrentUser();
  if (!user) return <GuestLanding totals={bankTotals()} weeks={HEATMAP_WEEKS} />;
  const [dashboard, attempts] = await Promise.all([dashboardFor(user.id), examContext().then((ctx) => listAttempts(ctx, 5))]);
  return <Dashboard data={{ name: user.name ?? null, dashboard, attempts, weeks: HEATMAP_WEEKS }} />;
}
