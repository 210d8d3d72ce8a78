'use client';
import { useActionState } from 'react';
import { studyMoreAction } from '@/app/(study)/review/actions';
import type { CustomStudyCounts } from '@/server/web/custom-study';
import { plural } from '@/components/ui/format';

interface Props {
  decks: { id: string; title: string; count: number }[];
  /** Every deck section (custom study by topic). */
  topics: { deck: string; deckTitle: string; section: string; count: number }[];
  /** How many cards the failed and review-ahead sessions would hold for each span. */
  counts: CustomStudyCounts;
  /** New cards still available today under the daily limit. */
  newAvailable: number;
}

const SPANS = [1, 2, 7, 30] as const;

/**
 * Custom study, as in Anki: extra new cards today, one deck, one topic, the failed cards of
 * the last days, or review ahead. Each option is its own small form; all but the first are
 * plain GET forms to /review, so the session's URL says what it is and works without JavaScript.
 */
export function StudyMore({ decks, topics, counts, newAvailable }: Props) {
  const [state, action, pending] = useActionState(studyMoreAction, {});
  const byDeck = decks.map((d) => ({ ...d, topics: topics.filter((t) => t.deck === d.id) }));
  return (
    <div className="stack" data-testid="study-more">
      <section className="card stack stack-sm" aria-labelledby="cs-new">
        <h2 id="cs-new" className="card__title">Extra new cards today</h2>
        <p className="small muted" style={{ margin: 0 }}>
          On top of your daily limit{newAvailable ? `; ${plural(newAvailable, 'new card')} ${newAvailable === 1 ? 'is' : 'are'} still left under it today` : ''}.
        </p>
        <form action={action} className="cluster cluster-sm" style={{ alignItems: 'flex-end' }}>
          <div className="stack stack-sm small">
            <label htmlFor="extra-new">How many more</label>
            <input id="extra-new" name="extra" type="number" min={1} max={500} defaultValue={10} className="input" style={{ width: '7rem' }} aria-invalid={state.message ? true : undefined} aria-describedby={state.message ? 'extra-new-error' : undefined} />
          </div>
          <button type="submit" className="btn btn--sm btn--primary" disabled={pending}>
            Add and study
          </button>
          {state.message && (
            <p id="extra-new-error" className="small" role="alert" style={{ color: 'var(--danger)', margin: 0, flexBasis: '100%' }}>
              {state.message}
            </p>
          )}
        </form>
      </section>

      <section className="card stack stack-sm" aria-labelledby="cs-deck">
        <h2 id="cs-deck" className="card__title">One deck</h2>
        <p className="small muted" style={{ margin: 0 }}>Your usual queue (due cards, then new), from one deck only.</p>
        <form method="get" action="/review" className="cluster cluster-sm" style={{ alignItems: 'flex-end' }}>
          <div className="stack stack-sm small">
            <label htmlFor="cs-deck-select">Deck</label>
            <select id="cs-deck-select" name="deck" className="select">
              {decks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title} ({plural(d.count, 'question')})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn--sm">Study this deck</button>
        </form>
      </section>

      <section className="card stack stack-sm" aria-labelledby="cs-topic">
        <h2 id="cs-topic" className="card__title">One topic</h2>
        <p className="small muted" style={{ margin: 0 }}>Every card of one section of a deck: due ones first, then new ones, then the rest studied early.</p>
        <form method="get" action="/review" className="cluster cluster-sm" style={{ alignItems: 'flex-end' }}>
          <input type="hidden" name="custom" value="topic" />
          <div className="stack stack-sm small" style={{ maxWidth: '100%' }}>
            <label htmlFor="cs-topic-select">Topic</label>
            <select id="cs-topic-select" name="topic" className="select" style={{ maxWidth: '100%' }}>
              {byDeck.map((d) => (
                <optgroup key={d.id} label={d.title}>
                  {d.topics.map((t) => (
                    <option key={t.section} value={`${t.deck}/${t.section}`}>
                      {t.section || `${d.title}: overview`} ({plural(t.count, 'question')})
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn--sm">Study this topic</button>
        </form>
      </section>

      <SpanForm id="cs-failed" kind="failed" title="Failed cards (recently forgotten)" intro="The cards you rated Again, due or not." label="Failed in the" option={(d) => (d === 1 ? 'last day' : `last ${d} days`)} counts={counts.failed} submit="Study failed cards" />
      <SpanForm id="cs-ahead" kind="ahead" title="Review ahead" intro="Cards not due yet, soonest first, for a day you will be away. Early reviews get shorter intervals." label="Due in the" option={(d) => (d === 1 ? 'next day' : `next ${d} days`)} counts={counts.ahead} submit="Review ahead" />
    </div>
  );
}

/** A custom session over a span of days (failed cards, review ahead): a GET form to /review. */
function SpanForm(props: { id: string; kind: 'failed' | 'ahead'; title: string; intro: string; label: string; option: (days: number) => string; counts: Record<(typeof SPANS)[number], number>; submit: string }) {
  const { id, kind, title, intro, label, option, counts, submit } = props;
  return (
    <section className="card stack stack-sm" aria-labelledby={id}>
      <h2 id={id} className="card__title">{title}</h2>
      <p className="small muted" style={{ margin: 0 }}>{intro}</p>
      <form method="get" action="/review" className="cluster cluster-sm" style={{ alignItems: 'flex-end' }}>
        <input type="hidden" name="custom" value={kind} />
        <div className="stack stack-sm small">
          <label htmlFor={`${id}-days`}>{label}</label>
          <select id={`${id}-days`} name="days" className="select" defaultValue="1">
            {SPANS.map((d) => (
              <option key={d} value={d}>
                {option(d)} ({plural(counts[d], 'card')})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn--sm">{submit}</button>
      </form>
    </section>
  );
}
