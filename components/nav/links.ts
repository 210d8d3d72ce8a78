/** The main navigation, in display order (the routes contract in the project brief). */
export const NAV_LINKS = [
  { href: '/', label: 'Dashboard' },
  { href: '/decks', label: 'Decks' },
  { href: '/review', label: 'Review' },
  { href: '/quiz', label: 'Quiz' },
  { href: '/lab', label: 'Lab' },
  { href: '/exam', label: 'Exam' },
  { href: '/stats', label: 'Stats' },
  { href: '/settings', label: 'Settings' },
] as const satisfies ReadonlyArray<{ href: string; label: string }>;

/** Whether `href` is the section the learner is in (`/decks/x` is under Decks; `/` only matches itself). */
export function isCurrentSection(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(href + '/');
}
