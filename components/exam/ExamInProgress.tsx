'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { Countdown } from './Countdown';

/** Dashboard card for an exam still running: its title, the live time left, and Resume. */
export function ExamInProgress({ id, title, deadline, serverNow }: { id: string; title: string; deadline: string; serverNow: string }) {
  const router = useRouter();
  const expired = useCallback(() => router.refresh(), [router]);
  return (
    <section className="card exam-in-progress" aria-labelledby="exam-progress-title" data-testid="exam-in-progress">
      <div className="cluster" style={{ justifyContent: 'space-between' }}>
        <div>
          <h2 id="exam-progress-title" style={{ margin: 0, fontSize: '1.05rem' }}>
            Exam in progress
          </h2>
          <p className="muted small" style={{ margin: 0 }}>
            {title}: the clock is running. Time left:
          </p>
        </div>
        <Countdown deadline={deadline} serverNow={serverNow} onExpire={expired} />
        <Link href={`/exam/${encodeURIComponent(id)}`} className="btn btn--primary">
          Resume
        </Link>
      </div>
    </section>
  );
}
