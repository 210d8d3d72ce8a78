'use client';

import dynamic from 'next/dynamic';
import type { ScenarioDTO } from './types';

// The lab reads sessionStorage and runs the simulator: browser only.
const LabApp = dynamic(() => import('./LabApp').then((m) => m.LabApp), {
  ssr: false,
  loading: () => (
    <p role="status" style={{ color: 'var(--muted)' }}>
      Starting the simulated engine…
    </p>
  ),
});

export function LabLoader(props: { scenarios: ScenarioDTO[]; initialScenario?: string; initialFree?: string }) {
  return <LabApp {...props} />;
}
