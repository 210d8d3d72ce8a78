import type { ReactNode } from 'react';
import { IconCards } from './icons';

interface StateProps {
  title: string;
  children?: ReactNode;
  /** Buttons or links that get the learner moving again. */
  actions?: ReactNode;
  icon?: ReactNode;
  /** Heading level of the title (default h2; 1 when the state is the whole page, as on a 404). */
  headingLevel?: 1 | 2 | 3;
}

/** What a view shows when there is nothing to show yet, with the next step. */
export function EmptyState({ title, children, actions, icon, headingLevel = 2 }: StateProps) {
  const H = (['h1', 'h2', 'h3'] as const)[headingLevel - 1];
  return (
    <div className="state">
      <div className="state__icon">{icon ?? <IconCards />}</div>
      <H className="state__title">{title}</H>
      {children && <div className="state__body">{children}</div>}
      {actions && <div className="state__actions">{actions}</div>}
    </div>
  );
}
