'use client';

import { useState } from 'react';

/** Opens or closes every "Show answer" of the study note (for a read-through with the answers). */
export function RevealAll({ target }: { target: string }) {
  const [open, setOpen] = useState(false);
  const toggle = () => {
    const next = !open;
    document.querySelectorAll<HTMLDetailsElement>(`#${target} details`).forEach((d) => {
      d.open = next;
    });
    setOpen(next);
  };
  return (
    <button type="button" className="btn btn--sm" aria-controls={target} onClick={toggle}>
      {open ? 'Hide all answers' : 'Show all answers'}
    </button>
  );
}
