import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** Small label above the title (section name). */
  eyebrow?: ReactNode;
  description?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
}

/** The h1 of a page with its description and primary actions. */
export function PageHeader({ title, eyebrow, description, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        {eyebrow && <div className="page-header__eyebrow">{eyebrow}</div>}
        <h1>{title}</h1>
        {description && <p className="page-header__description">{description}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
