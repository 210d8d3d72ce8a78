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

export function LabLoader(props: {
  scenarios: ScenarioDTO[];
  initialScenario?: string;
  initialFree?: string;
  /** Signed in: the scenarios solved, kept in the account. */
  solved?: string[];
  /** Signed in: record scenarios as solved. */
  markDone?: (ids: string[]) => Promise<{ ok: true; added: number } | { ok: false; message: string }>;
}) {
  return <LabApp {...props} />;
}
