import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui';
import { getBank } from '@/server/banks';
import { labScenarios } from '@/server/quiz';
import { LabLoader } from '@/components/lab/LabLoader';
import { getCurrentUser } from '@/server/session';
import { labDoneIds } from '@/server/lab-progress';
import { markLabDoneAction } from './actions';

export const metadata: Metadata = { title: 'Command lab' };

export default async function LabPage({ searchParams }: { searchParams: Promise<{ scenario?: string | string[]; free?: string | string[] }> }) {
  const { scenario, free } = await searchParams;
  const scenarios = labScenarios(getBank());
  const user = await getCurrentUser();
  const solved = user ? await labDoneIds(user.id) : undefined;
  return (
    <div>
      <PageHeader
        title="Command lab"
        description={
          <>
            A simulated Docker engine in your browser. Type <code>docker</code> commands and watch networks, containers
            and their addresses change, on one host or a three-node swarm. Choose a scenario to practise a task and check your
            work; your free-play labs are kept meanwhile.
          </>
        }
      />
      <LabLoader scenarios={scenarios} initialScenario={typeof scenario === 'string' ? scenario : undefined} initialFree={typeof free === 'string' ? free : undefined}
        solved={solved}
        markDone={user ? markLabDoneAction : undefined}
      />
    </div>
  );
}
