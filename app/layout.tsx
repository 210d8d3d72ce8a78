import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { NavLinks } from '@/components/nav/NavLinks';
import { Logo } from '@/components/nav/Logo';
import { AccountSlot } from '@/components/nav/AccountSlot';
import { THEME_COOKIE, parseTheme } from '@/components/settings/theme';
import { getCurrentUser } from '@/server/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'NetPrep — Docker networking exam prep', template: '%s · NetPrep' },
  description:
    'Flashcards, quizzes, practice exams and a Docker network simulator for the networking domain of the Docker Certified Associate exam.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#151b24' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme cookie is read on the server, so the first paint already has the right colours.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const user = await getCurrentUser();
  return (
    <html lang="en" data-theme={theme === 'system' ? undefined : theme}>
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand" aria-label="NetPrep home">
              <Logo />
              <span>NetPrep</span>
            </Link>
            <nav className="site-nav" aria-label="Main">
              <NavLinks />
            </nav>
            <AccountSlot user={user} />
          </div>
        </header>
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <span>NetPrep · practice for the networking domain of the Docker Certified Associate exam</span>
          </div>
        </footer>
      </body>
    </html>
  );
}
