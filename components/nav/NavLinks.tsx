'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NAV_LINKS, isCurrentSection } from './links';

/** The header's section links; marks the current section with aria-current. */
export function NavLinks() {
  const pathname = usePathname() ?? '/';
  return (
    <ul className="site-nav__list">
      {NAV_LINKS.map((l) => (
        <li key={l.href}>
          <Link className="site-nav__link" href={l.href} aria-current={isCurrentSection(l.href, pathname) ? 'page' : undefined}>
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
