import { ProgressBar } from '@/components/ui';
import type { TopicMastery } from './types';

/** A thin mastery bar with its percentage, or a hint for guests. */
export function MasteryMeter({ mastery, label }: { mastery?: TopicMastery; label: string }) {
  if (!mastery) return null;
  const pct = Math.round(mastery.mastered * 100);
  return (
    <ProgressBar
      value={pct}
      max={100}
      size="sm"
      tone={pct >= 80 ? 'success' : 'accent'}
      label={`${label} mastery`}
      valueText={mastery.seen === 0 ? 'not started' : `${pct}%`}
    />
  );
}
