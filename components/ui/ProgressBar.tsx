import { cx } from './cx';

interface ProgressBarProps {
  /** Amount done, 0..max. */
  value: number;
  max?: number;
  /** Accessible name; shown above the bar unless `hideLabel`. */
  label: string;
  /** Text shown on the right of the label row, e.g. "7 / 20". */
  valueText?: string;
  hideLabel?: boolean;
  tone?: 'accent' | 'success' | 'warning';
  size?: 'sm' | 'md';
  className?: string;
}

/** A determinate progress bar with a proper progressbar role. */
export function ProgressBar({ value, max = 100, label, valueText, hideLabel, tone = 'accent', size = 'md', className }: ProgressBarProps) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div className={cx('progress', tone !== 'accent' && `progress--${tone}`, size === 'sm' && 'progress--sm', className)}>
      {!hideLabel && (
        <div className="progress__label">
          <span>{label}</span>
          <span className="num">{valueText ?? `${Math.round(pct)}%`}</span>
        </div>
      )}
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
      >
        <div className="progress__bar" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
