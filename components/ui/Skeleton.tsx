import type { CSSProperties } from 'react';
import { cx } from './cx';

/** A grey shimmering placeholder of a given size. */
export function Skeleton({ width = '100%', height = '1rem', radius, className }: { width?: CSSProperties['width']; height?: CSSProperties['height']; radius?: string; className?: string }) {
  return <span aria-hidden="true" className={cx('skeleton', className)} style={{ width, height, borderRadius: radius }} />;
}

/** A page-sized loading placeholder: a title, a row of stat cards and two panels. */
export function PageSkeleton({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="stack stack-lg" role="status" aria-live="polite">
      <span className="visually-hidden">{label}…</span>
      <div className="stack stack-sm">
        <Skeleton width="8rem" height="0.8rem" />
        <Skeleton width="min(22rem, 80%)" height="2rem" />
        <Skeleton width="min(34rem, 95%)" height="1rem" />
      </div>
      <div className="grid grid-stats">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="card stack stack-sm">
            <Skeleton width="50%" height="0.8rem" />
            <Skeleton width="40%" height="1.8rem" />
          </div>
        ))}
      </div>
      <div className="two-col">
        <div className="card"><Skeleton height="12rem" /></div>
        <div className="card"><Skeleton height="12rem" /></div>
      </div>
    </div>
  );
}
