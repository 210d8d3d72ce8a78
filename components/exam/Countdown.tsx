'use client';

import { useEffect, useRef, useState } from 'react';
import s from './exam.module.css';
import { plural } from '@/components/ui/format';

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/**
 * Time left until the server's deadline. The offset between the server's clock and
 * the browser's is taken once, so a wrong local clock does not shorten the exam.
 * Screen readers hear the time only at the 10, 5 and 1 minute marks.
 */
export function Countdown({ deadline, serverNow, onExpire }: { deadline: string; serverNow: string; onExpire(): void }) {
  const [skew] = useState(() => new Date(serverNow).getTime() - Date.now());
  const end = new Date(deadline).getTime();
  const [left, setLeft] = useState<number | null>(null);
  const expired = useRef(false);

  useEffect(() => {
    const tick = () => {
      const ms = end - (Date.now() + skew);
      setLeft(ms);
      if (ms <= 0 && !expired.current) {
        expired.current = true;
        // Give the server a moment past the deadline so it auto-submits.
        setTimeout(onExpire, 1500);
      }
    };
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [end, skew, onExpire]);

  const minutes = left === null ? null : Math.ceil(left / 60_000);
  const urgent = left !== null && left < 5 * 60_000;
  const announce = minutes !== null && [10, 5, 1].includes(minutes) ? `${plural(minutes, 'minute')} left` : '';
  return (
    <div className={s.timer} data-urgent={urgent || undefined}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        <circle cx="8" cy="9" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 5.5V9l2 1.5M6 1.5h4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <span className={s.srOnly}>Time left: </span>
      <time suppressHydrationWarning>{left === null ? '--:--' : format(left)}</time>
      <span className={s.srOnly} aria-live="polite">
        {announce}
      </span>
    </div>
  );
}
