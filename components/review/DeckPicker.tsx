interface Props {
  decks: { id: string; title: string; count?: number }[];
  selected: string[];
}

/** A plain GET form (no JavaScript) that restarts the session with the chosen decks. */
export function DeckPicker({ decks, selected }: Props) {
  if (decks.length < 2) return null;
  const all = selected.length === 0;
  return (
    <details className="card" style={{ padding: '0.75rem 1rem' }}>
      <summary style={{ cursor: 'pointer', fontWeight: 600 }}>
        Decks: <span className="muted">{all ? 'all decks' : decks.filter((d) => selected.includes(d.id)).map((d) => d.title).join(', ')}</span>
      </summary>
      <form method="get" action="/review" className="stack stack-sm" style={{ marginTop: '0.75rem' }}>
        <fieldset className="grid" style={{ border: 0, padding: 0, margin: 0, ['--min' as string]: '15rem', ['--gap' as string]: '0.4rem' }}>
          <legend className="visually-hidden">Decks to review</legend>
          {decks.map((d) => (
            <label key={d.id} className="checkbox small">
              <input type="checkbox" name="deck" value={d.id} defaultChecked={selected.includes(d.id)} />
              <span>{d.title}{d.count !== undefined && <span className="faint num"> · {d.count}</span>}</span>
            </label>
          ))}
        </fieldset>
        <div className="cluster">
          <button type="submit" className="btn btn--sm btn--primary">Study these decks</button>
          <a href="/review" className="btn btn--sm btn--ghost">All decks</a>
        </div>
      </form>
    </details>
  );
}
