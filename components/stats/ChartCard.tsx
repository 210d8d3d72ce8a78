import { Card } from '@/components/ui';
import Chart from './Chart';
import type { ChartSeries } from './types';

interface Props {
  title: string;
  description: string;
  series: ChartSeries;
  kind: 'bars' | 'line';
  /** What is plotted ("Reviews per day"): the legend and the table's column. */
  label: string;
  format?: 'count' | 'percent';
  /** Counts: the unit, singular and plural, for the readout ("12 reviews"). */
  unit?: readonly [string, string];
  reference?: number;
  referenceLabel?: string;
}

/** A chart in a card, with its figures also available as a table for screen readers and no-JS. */
export function ChartCard({ title, description, series, kind, label, format = 'count', unit, reference, referenceLabel }: Props) {
  const fmt = (v: number | null) => (v === null ? '–' : format === 'percent' ? `${Math.round(v * 100)}%` : String(v));
  return (
    <Card title={title}>
      <p className="muted small" style={{ marginTop: '-0.5rem' }}>{description}</p>
      {series.dates.length === 0 ? (
        <p className="muted small">Not enough data yet.</p>
      ) : (
        <Chart series={series} kind={kind} label={label} description={`${title}: ${description}`} format={format} unit={unit} reference={reference} referenceLabel={referenceLabel} />
      )}
      <details className="small">
        <summary className="muted" style={{ cursor: 'pointer' }}>Show as a table</summary>
        <div className="table-wrap" style={{ maxHeight: '14rem', overflowY: 'auto' }}>
          <table className="table">
            <thead><tr><th scope="col">Date</th><th scope="col" className="num">{label}</th></tr></thead>
            <tbody>
              {series.dates.map((d, i) => (
                <tr key={d}><td>{d}</td><td className="num">{fmt(series.values[i])}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Card>
  );
}
