/** The NetPrep mark: three linked nodes. */
export function Logo() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <g stroke="var(--accent-fg)" strokeWidth="2.2" strokeLinecap="round" fill="none">
        <path d="M10 21.5L16 10.5L22 21.5Z" opacity="0.55" />
      </g>
      <g fill="var(--accent-fg)">
        <circle cx="16" cy="10.5" r="3.2" />
        <circle cx="10" cy="21.5" r="3.2" />
        <circle cx="22" cy="21.5" r="3.2" />
      </g>
    </svg>
  );
}
