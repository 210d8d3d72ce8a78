import Link from 'next/link';

export interface TabItem {
  href: string;
  label: string;
  /** The tab for the current view. */
  current?: boolean;
  count?: number;
}

/** Navigation tabs: each tab is a link; the current one carries aria-current="page". */
export function Tabs({ items, label }: { items: TabItem[]; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {items.map((t) => (
        <Link key={t.href} href={t.href} className="tabs__tab" aria-current={t.current ? 'page' : undefined}>
          {t.label}
          {t.count !== undefined && <span className="faint num"> {t.count}</span>}
        </Link>
      ))}
    </nav>
  );
}
