import type { Metadata } from 'next';
import { getCurrentUser } from '@/server/session';
import { deckSummaries } from '@/server/web/decks';
import { ButtonLink, EmptyState, PageHeader } from '@/components/ui';
import { DeckCard } from '@/components/deck/DeckCard';
import { plural } from '@/components/ui/format';

export const metadata: Metadata = { title: 'Decks' };

export default async function DecksPage() {
  const user = await getCurrentUser();
  const decks = await deckSummaries(user?.id ?? null);
  const total = decks.reduce((s, d) => s + d.questionCount, 0);
  return (
    <div className="stack">
      <PageHeader
        eyebrow="Study material"
        title="Decks"
        description={decks.length ? `${plural(decks.length, 'deck')}, ${plural(total, 'question')}, each written from a study note you can read alongside.` : undefined}
        actions={decks.length ? <ButtonLink href="/review" variant="primary">Review all decks</ButtonLink> : undefined}
      />
      {decks.length === 0 ? (
        <EmptyState title="No decks yet">
          The question bank is empty. Add Markdown notes to the <code>content/</code> folder and run <code>npm run content -- build</code>.
        </EmptyState>
      ) : (
        <div className="grid" style={{ ['--min' as string]: '20rem' }}>
          {decks.map((d) => <DeckCard key={d.id} deck={d} />)}
        </div>
      )}
    </div>
  );
}
