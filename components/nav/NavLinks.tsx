'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { NAV_LINKS, isCurrentSection } from './links';

/**
 * The header's section links; marks the current section with aria-current. On a phone the
 * list folds behind a "Menu" button (every section reachable, none off-screen).
 */
export function NavLinks() {
  const pathname = usePathname() ?? '/';
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  // Close the menu when the route changes (a link was followed).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const current = NAV_LINKS.find((l) => isCurrentSection(l.href, pathname));
  return (
    <>
      <button
        type="button"
        className="site-nav__toggle btn btn--ghost btn--sm"
        aria-expanded={open}
        aria-controls="site-nav-list"
        onClick={() => setOpen((o) => !o)}
        data-testid="nav-toggle"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path d={open ? 'M3 3l10 10M13 3L3 13' : 'M2 4h12M2 8h12M2 12h12'} stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        Menu{current ? <span className="site-nav__current">: {current.label}</span> : null}
      </button>
      <ul className="site-nav__list" id="site-nav-list" data-open={open || undefined}>
        {NAV_LINKS.map((l) => (
          <li key={l.href}>
            <Link className="site-nav__link" href={l.href} aria-current={isCurrentSection(l.href, pathname) ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
