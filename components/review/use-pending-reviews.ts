'use client';

import { useEffect, useRef, useState } from 'react';
import { createPendingQueue, type PendingQueue, type PendingStatus } from './pending-reviews';
import type { GradeInput, GradeResult } from './types';
import { plural } from '@/components/ui/format';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The review page's pending-grade queue (components/review/pending-reviews.ts): grades survive a dead
 * server, a lost connection and a reload, and are retried with the same id until acknowledged.
 * @returns the queue (null before hydration or for guests) and its status for "Saving…" / "Offline, N pending"
 */
export function usePendingReviews(send: ((input: GradeInput) => Promise<GradeResult>) | undefined): {
  queue: PendingQueue | null;
  status: PendingStatus;
} {
  const [status, setStatus] = useState<PendingStatus>({ state: 'idle', pending: 0 });
  const [queue, setQueue] = useState<PendingQueue | null>(null);
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });
  useEffect(() => {
    if (!sendRef.current) return;
    const q = createPendingQueue({ storage: browserStorage(), send: (input) => sendRef.current!(input), onStatus: setStatus });
    setQueue(q);
    setStatus(q.status());
    q.resume();
    const online = () => q.resume();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      q.stop();
    };
  }, []);
  return { queue, status };
}

/** The words for a status, or null when nothing waits. */
export function pendingLabel(status: PendingStatus): string | null {
  if (status.pending === 0) return null;
  if (status.state === 'offline') return `Offline: ${plural(status.pending, 'grade')} pending, retrying…`;
  return 'Saving…';
}
