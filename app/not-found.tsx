import type { Metadata } from 'next';
import { ButtonLink, EmptyState, IconSearch } from '@/components/ui';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <EmptyState
      title="Page not found"
      headingLevel={1}
      icon={<IconSearch />}
      actions={
        <>
          <ButtonLink href="/" variant="primary">Go to the dashboard</ButtonLink>
          <ButtonLink href="/decks">Browse decks</ButtonLink>
        </>
      }
    >
      The page you asked for does not exist, or it moved. Check the address or start from the dashboard.
    </EmptyState>
  );
}
