import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** Heading shown at the top; rendered as h2 unless `titleAs` says otherwise. */
  title?: ReactNode;
  titleAs?: 'h2' | 'h3';
  /** Content on the right of the title row (a link, a badge). */
  action?: ReactNode;
  footer?: ReactNode;
  /** No inner padding (for tables and media). */
  flush?: boolean;
  /** Hover lift; pair with a CardLink inside to make the whole card clickable. */
  interactive?: boolean;
  as?: 'section' | 'article' | 'div' | 'li';
}

/** A surface that groups related content. */
export function Card({ title, titleAs: Title = 'h2', action, footer, flush, interactive, as: Tag = 'section', className, children, ...rest }: CardProps) {
  return (
    <Tag className={cx('card', flush && 'card--flush', interactive && 'card--interactive', className)} {...rest}>
      {(title || action) && (
        <div className="card__header">
          {title ? <Title className="card__title">{title}</Title> : <span />}
          {action}
        </div>
      )}
      {children}
      {footer && <div className="card__footer">{footer}</div>}
    </Tag>
  );
}
