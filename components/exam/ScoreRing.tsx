import { formatPercent } from '@/components/ui/format';

/** The overall score as a ring with the pass mark as a tick. */
export function ScoreRing({ score, pass, passed }: { score: number; pass: number; passed: boolean }) {
  const r = 42;
  const c = 2 * Math.PI * r;
  const angle = (pass / 100) * 2 * Math.PI - Math.PI / 2;
  const tick = (k: number) => [50 + Math.cos(angle) * k, 50 + Math.sin(angle) * k];
  const [x1, y1] = tick(35);
  const [x2, y2] = tick(49);
  const colour = passed ? 'var(--success, #15803d)' : 'var(--danger, #b91c1c)';
  return (
    <svg viewBox="0 0 100 100" width="144" height="144" role="img" aria-label={`Score ${formatPercent(score)}, pass mark ${formatPercent(pass)}`}>
      <circle cx="50" cy="50" r={r} fill="none" stroke="currentColor" strokeOpacity="0.12" strokeWidth="9" />
      <circle
        cx="50"
        cy="50"
        r={r}
        fill="none"
        stroke={colour}
        strokeWidth="9"
        strokeLinecap="round"
        strokeDasharray={`${(score / 100) * c} ${c}`}
        transform="rotate(-90 50 50)"
      />
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="currentColor" strokeWidth="2" />
      <text x="50" y="54" textAnchor="middle" fontSize={formatPercent(score).length > 4 ? 17 : 20} fontWeight="700" fill="currentColor">
        {formatPercent(score)}
      </text>
    </svg>
  );
}
