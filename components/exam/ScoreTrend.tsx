import { plural } from '@/components/ui/format';

/** Scores of past attempts as a small line chart with the pass mark; a table beside it carries the same data. */
export function ScoreTrend({ points, pass }: { points: { score: number; label: string }[]; pass: number }) {
  const w = 600;
  const h = 150;
  const pad = { l: 30, r: 10, t: 10, b: 20 };
  const x = (i: number) => pad.l + (points.length === 1 ? 0 : (i * (w - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => pad.t + ((100 - v) * (h - pad.t - pad.b)) / 100;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  const first = points[0];
  const delta = last.score - first.score;
  return (
    <figure style={{ margin: '0 0 1rem' }}>
      <div className="cluster cluster-sm small" data-testid="trend-legend">
        <span className="cluster cluster-sm">
          <span aria-hidden="true" style={{ display: 'inline-block', width: '0.9rem', height: '0.2rem', background: 'var(--accent, #1d63ed)', borderRadius: 2 }} />
          Score per attempt
        </span>
        <span className="cluster cluster-sm">
          <span aria-hidden="true" style={{ display: 'inline-block', width: '0.9rem', borderTop: '2px dashed var(--muted, #4b5563)' }} />
          Pass mark {pass}%
        </span>
      </div>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Score trend over ${plural(points.length, 'attempt')}: from ${first.score}% to ${last.score}%`} style={{ width: '100%', height: 'auto', maxHeight: 170, color: 'var(--accent, #1d63ed)' }}>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity="0.12" />
            <text x={pad.l - 6} y={y(v) + 3} textAnchor="end" fontSize="10" fill="var(--muted, #4b5563)">
              {v}
            </text>
          </g>
        ))}
        <line x1={pad.l} x2={w - pad.r} y1={y(pass)} y2={y(pass)} stroke="var(--muted, #4b5563)" strokeDasharray="4 4" />
        <text x={w - pad.r} y={y(pass) - 4} textAnchor="end" fontSize="10" fill="var(--muted, #4b5563)">
          pass {pass}%
        </text>
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" strokeLinecap="round" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.score)} r="4" fill="currentColor">
            <title>{`${p.label}: ${p.score}%`}</title>
          </circle>
        ))}
      </svg>
      <figcaption style={{ fontSize: '0.85rem', color: 'var(--muted, #4b5563)' }}>
        {plural(points.length, 'attempt')} · latest {last.score}% ({delta >= 0 ? '+' : ''}
        {plural(Math.round(delta * 10) / 10, 'point')} since the first)
      </figcaption>
    </figure>
  );
}
