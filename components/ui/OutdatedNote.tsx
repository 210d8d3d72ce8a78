import type { OutdatedInfo } from '@/server/web/types';

export type { OutdatedInfo };

/**
 * "Outdated since Engine 23.0: ..." with a link to Docker's page. `banner` for a question card
 * (quiz, review), `inline` beside an affected line of a deck's notes.
 */
export function OutdatedNote({ outdated, variant = 'banner' }: { outdated: OutdatedInfo; variant?: 'banner' | 'inline' }) {
  return (
    <aside className={`outdated outdated--${variant}`} role="note" aria-label={`Outdated since ${outdated.since}`} data-testid="outdated-note">
      <strong>Outdated since {outdated.since}:</strong> {outdated.note}{' '}
      <a href={outdated.source} target="_blank" rel="noreferrer noopener">
        Source
      </a>
    </aside>
  );
}
