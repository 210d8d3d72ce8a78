import type { ReactNode } from 'react';

/** A keyboard key, e.g. <Kbd>Space</Kbd>. */
export function Kbd({ children, label }: { children: ReactNode; label?: string }) {
  return <kbd aria-label={label}>{children}</kbd>;
}
