'use client';

import Link from 'next/link';

export default function ExamError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div>
      <h1>Something went wrong</h1>
      <p>Your answers up to the last one you saw are saved on the server.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        <Link href="/exam">Back to practice exams</Link>
      </p>
    </div>
  );
}
