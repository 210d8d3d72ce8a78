import type { Metadata } from 'next';
import { listReports } from '@/server/reports';
import { bankVersion } from '@/server/banks';
import { getCurrentUser } from '@/server/session';
import { ReportsPage } from '@/components/report/ReportsPage';

export const metadata: Metadata = { title: 'Problem reports' };
export const dynamic = 'force-dynamic';

/** The authors' page: every "report a problem" learners sent, newest first. */
export default async function Page() {
  const user = await getCurrentUser();
  if (!user) return <ReportsPage data={null} />;
  return <ReportsPage data={{ reports: await listReports(), bankVersion: bankVersion() }} />;
}
