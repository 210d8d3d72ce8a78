import type { ReactNode } from 'react';
import { cx } from './cx';

interface StatProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'neutral' | 'accent' | 'success' | 'warning';
  /** Wrap in a card (default) or render bare inside another surface. */
  bare?: boolean;
  id?: string;
}

/** One headline figure with its label, e.g. "Due today: 14". */
export function Stat({ label, value, hint, tone = 'neutral', bare, id }: StatProps) {
  const body = (
    <div className={cx('stat', tone !== 'neutral' && `stat--${tone}`)} id={id}>
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
      {hint && <span className="stat__hint">{hint}</span>}
    </div>
  );
  return bare ? body : <div className="card">{body}</div>;
}
