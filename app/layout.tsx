import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'NetPrep — Docker networking exam prep', template: '%s · NetPrep' },
  description:
    'Flashcards, quizzes, practice exams and a Docker network simulator for the networking domain of the Docker Certified Associate exam.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
