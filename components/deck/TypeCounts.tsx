import { Badge } from '@/components/ui';
import { TYPE_LABELS, type QuestionType } from './types';

/** Badges with the number of questions of each type, in a fixed order. */
export function TypeCounts({ byType }: { byType: Partial<Record<QuestionType, number>> }) {
  const entries = (Object.keys(TYPE_LABELS) as QuestionType[]).filter((t) => (byType[t] ?? 0) > 0);
  if (entries.length === 0) return null;
  return (
    <ul className="cluster cluster-sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Questions by type">
      {entries.map((t) => (
        <li key={t}>
          <Badge tone={t === 'command' ? 'info' : 'neutral'}>
            <span className="num">{byType[t]}</span> {TYPE_LABELS[t]}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
