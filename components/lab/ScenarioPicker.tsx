'use client';

import { useId, useMemo, useRef, useState } from 'react';
import { FREE_LABS, labKey, plainPrompt, type FreeVariant, type LabKey } from './labs';
import type { ScenarioDTO } from './types';
import s from './lab.module.css';
import { plural } from '@/components/ui/format';

/** Every search word must appear in the scenario's prompt, deck or topic. */
function matches(sc: ScenarioDTO, words: string[]): boolean {
  if (!words.length) return true;
  const hay = `${plainPrompt(sc.prompt)} ${sc.deckTitle} ${sc.topic}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * "Choose a lab": a dialog with the two free-play labs and every scenario grouped by deck, with
 * a search box and a tick on the ones solved in this browser. Prompts are shown whole.
 */
export function ScenarioPicker({ scenarios, done, openKey, onOpen }: { scenarios: ScenarioDTO[]; done: Set<string>; openKey: LabKey; onOpen: (key: LabKey) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const id = useId();
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = useMemo(() => {
    const m = new Map<string, ScenarioDTO[]>();
    for (const sc of scenarios) m.set(sc.deckTitle, [...(m.get(sc.deckTitle) ?? []), sc]);
    return [...m].map(([deck, list]) => ({ deck, list, done: list.filter((x) => done.has(x.id)).length }));
  }, [scenarios, done]);
  const shown = groups.map((g) => ({ ...g, hits: g.list.filter((sc) => matches(sc, words)) })).filter((g) => g.hits.length > 0);
  const hitCount = shown.reduce((a, g) => a + g.hits.length, 0);
  const doneCount = scenarios.filter((x) => done.has(x.id)).length;

  const pick = (k: LabKey) => {
    dialog.current?.close();
    onOpen(k);
  };

  return (
    <>
      <button type="button" className="btn" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        Choose a lab…
      </button>
      <dialog ref={dialog} className={s.picker} aria-labelledby={`${id}-title`} onClose={() => setQuery('')}>
        <div className={s.pickerHead}>
          <h2 id={`${id}-title`}>Choose a lab</h2>
          <button type="button" className="btn btn--sm" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <section aria-labelledby={`${id}-free`} className={s.pickerSection}>
          <h3 id={`${id}-free`} className={s.pickerGroupTitle}>
            Free play <span className={s.pickerCount}>your own labs, kept while you try scenarios</span>
          </h3>
          <ul className={s.pickerList}>
            {(Object.keys(FREE_LABS) as FreeVariant[]).map((v) => {
              const k = labKey({ kind: 'free', variant: v });
              return (
                <li key={v}>
                  <button type="button" className={s.pickerItem} aria-current={k === openKey || undefined} onClick={() => pick(k)}>
                    <span className={s.pickerMark} aria-hidden="true" />
                    <span className={s.pickerText}>
                      <strong>{FREE_LABS[v].title}</strong> <span className={s.pickerMeta}>{FREE_LABS[v].description}</span>
                    </span>
                    {k === openKey && <span className={s.pickerOpen}>open</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <div className={s.pickerSearch}>
          <label htmlFor={`${id}-q`}>Search scenarios</label>
          <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. overlay, publish, alias" autoComplete="off" />
          <p className={s.pickerMeta} role="status">
            {words.length ? `${hitCount} of ${plural(scenarios.length, 'scenario')} match` : `${plural(scenarios.length, 'scenario')}, ${doneCount} done`}
          </p>
        </div>
        {shown.map((g) => (
          <section key={g.deck} className={s.pickerSection} aria-label={g.deck}>
            <h3 className={s.pickerGroupTitle}>
              {g.deck} <span className={s.pickerCount}>{`${g.done} of ${g.list.length} done`}</span>
            </h3>
            <ul className={s.pickerList}>
              {g.hits.map((sc) => {
                const k = labKey({ kind: 'scenario', id: sc.id });
                const isDone = done.has(sc.id);
                return (
                  <li key={sc.id}>
                    <button type="button" className={s.pickerItem} aria-current={k === openKey || undefined} data-done={isDone || undefined} onClick={() => pick(k)}>
                      <span className={s.pickerMark} aria-hidden="true">
                        {isDone ? '✓' : ''}
                      </span>
                      <span className={s.pickerText}>
                        {plainPrompt(sc.prompt)}
                        <span className={s.pickerMeta}>
                          {[sc.topic, sc.nodes?.length ? plural(sc.nodes.length, 'node') : null].filter(Boolean).join(' · ')}
                          {isDone && <span className={s.srOnly}> · done</span>}
                        </span>
                      </span>
                      {k === openKey && <span className={s.pickerOpen}>open</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        {shown.length === 0 && <p className={s.muted}>No scenario matches “{query}”.</p>}
      </dialog>
    </>
  );
}
