import type { Metadata } from 'next';
import { getBank } from '@/server/banks';
import { labScenarios } from '@/server/quiz';
import { LabLoader } from '@/components/lab/LabLoader';

export const metadata: Metadata = { title: 'Command lab' };

export default async function LabPage({ searchParams }: { searchParams: Promise<{ scenario?: string | string[] }> }) {
  const { scenario } = await searchParams;
  const scenarios = labScenarios(getBank());
  return (
    <main style={{ maxWidth: '80rem' }}>
      <h1 style={{ margin: '0 0 0.25rem' }}>Command lab</h1>
      <p style={{ margin: '0 0 1.25rem', color: 'var(--muted)' }}>
        A simulated Docker engine in your browser. Type <code>docker</code> commands and watch networks, containers and
        their addresses change. Pick a scenario to practise a task and check your work.
      </p>
      <LabLoader scenarios={scenarios} initialScenario={typeof scenario === 'string' ? scenario : undefined} />
    </main>
  );
}
