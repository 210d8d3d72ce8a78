import type { ReactNode } from 'react';
import { IconAlert } from './icons';

interface ErrorStateProps {
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
  /** A reference for support, e.g. Next's error digest. */
  detail?: string;
  headingLevel?: 2 | 3;
}

/** A failure the learner can act on: what happened and what to try. */
export function ErrorState({ title = 'Something went wrong', children, actions, detail, headingLevel = 2 }: ErrorStateProps) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="state state--error" role="alert">
      <div className="state__icon"><IconAlert /></div>
      <H className="state__title">{title}</H>
      {children && <div className="state__body">{children}</div>}
      {actions && <div className="state__actions">{actions}</div>}
      {detail && <p className="state__detail">Reference: {detail}</p>}
    </div>
  );
}
