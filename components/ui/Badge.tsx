import type { HTMLAttributes } from 'react';
import { cx } from './cx';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

/** A short label: a count, a status, a question type. */
export function Badge({ tone = 'neutral', className, ...rest }: { tone?: BadgeTone } & HTMLAttributes<HTMLSpanElement>) {
  return <span className={cx('badge', tone !== 'neutral' && `badge--${tone}`, className)} {...rest} />;
}
