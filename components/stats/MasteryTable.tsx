import Link from 'next/link';
import { ProgressBar, Table } from '@/components/ui';

export interface MasteryTableRow {
  deck: string;
  deckTitle: string;
  topic: string;
  total: number;
  seen: number;
  mature: number;
  recall: number | null;
}

const COLUMNS = [
  { label: 'Topic' },
  { label: 'Seen', className: 'num' },
  { label: 'Mastered', style: { minWidth: '9rem' } },
  { label: 'Recall now', className: 'num' },
];

/** Topics with how many cards are seen and mature (stability of 3 weeks or more). */
export function MasteryTable({ rows }: { rows: MasteryTableRow[] }) {
  if (rows.length === 0) return <p className="muted" style={{ padding: '1.25rem' }}>No topics yet.</p>;
  return (
    <div className="table-wrap">
      <Table columns={COLUMNS}>
        {rows.map((r) => (
          <tr key={r.deck + r.topic}>
            <td>
              <div>{r.topic}</div>
              <Link href={`/decks/${encodeURIComponent(r.deck)}`} className="tiny">{r.deckTitle}</Link>
            </td>
            <td className="num">{r.seen}/{r.total}</td>
            <td>
              <div className="cluster cluster-sm" style={{ flexWrap: 'nowrap' }}>
                <ProgressBar size="sm" hideLabel className="grow" value={r.mature} max={r.total} label={`${r.topic} mastered`} valueText={`${r.mature} of ${r.total}`} tone={r.mature === r.total ? 'success' : 'accent'} />
                <span className="tiny muted num nowrap">{r.mature}/{r.total}</span>
              </div>
            </td>
            <td className="num">{r.recall === null ? '–' : `${Math.round(r.recall * 100)}%`}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
