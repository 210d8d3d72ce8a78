import type { CSSProperties, ReactNode } from 'react';

/** One column heading. `hidden` keeps the label for screen readers only (e.g. a column of buttons). */
export interface TableColumn {
  label: ReactNode;
  className?: string;
  style?: CSSProperties;
  hidden?: boolean;
}

interface TableProps {
  columns: TableColumn[];
  /** The table's class: `table` (the kit's), `table small`, or a module class. */
  className?: string;
  /** The rows (`<tr>` elements): they go in the body. */
  children: ReactNode;
}

/** A data table: one header row of column headings (`scope="col"`), then the rows it is given. */
export function Table({ columns, className = 'table', children }: TableProps) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.className} style={c.style}>
              {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
