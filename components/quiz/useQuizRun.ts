'use client';

import { useEffect, useRef, useState } from 'react';
import { recordGuestAnswer } from '@/components/auth/guest-session';
import type { Outcome, QuizQuestion, QuizResultInput, RecordInput } from './types';

export interface QuizRunOptions {
  questions: QuizQuestion[];
  signedIn: boolean;
  record?: (input: RecordInput) => Promise<{ ok: boolean; message?: string }>;
  /** Keep the finished quiz in the learner's history (signed in). */
  saveResult?: (input: QuizResultInput) => Promise<{ ok: boolean; message?: string }>;
  scope: { deck: string | null; topic: string | null };
}

/**
 * The state of one quiz run: where the learner is, how each answer went, and what reached the
 * server. An answer goes to the scheduler (or, for guests, into this browser) when the learner moves
 * on; the finished run is saved once to the quiz history.
 */
export function useQuizRun({ questions, signedIn, record, saveResult, scope }: QuizRunOptions) {
  const [index, setIndex] = useState(0);
  /** This run of the quiz (a retake is a new run): made when the first answer is given. */
  const run = useRef<{ id: string; startedAt: string } | null>(null);
  const [outcomes, setOutcomes] = useState<(Outcome | undefined)[]>([]);
  const [saved, setSaved] = useState({ ok: 0, failed: 0, message: '' });
  /** The score heading, focused when the run finishes. */
  const heading = useRef<HTMLHeadingElement>(null);
  const finished = index >= questions.length;

  // An answer goes to the scheduler when the learner moves on, so an "I was right" override counts once.
  const recordAndNext = () => {
    const q = questions[index];
    const o = outcomes[index];
    if (signedIn && record && o) {
      record({
        clientReviewId: crypto.randomUUID(),
        questionId: q.id,
        correct: o.correct,
        elapsedMs: o.elapsedMs,
        source: q.type === 'command' ? 'command' : 'quiz',
        answer: o.given.slice(0, 2000),
      })
        .then((r) =>
          setSaved((v) => (r.ok ? { ...v, ok: v.ok + 1 } : { ...v, failed: v.failed + 1, message: r.message ?? 'Could not save an answer.' })),
        )
        .catch(() => setSaved((v) => ({ ...v, failed: v.failed + 1, message: 'Could not reach the server to save an answer.' })));
    } else if (!signedIn && o) {
      // Guests: kept in this browser and imported into the account they create (sign-up page).
      recordGuestAnswer({
        questionId: q.id,
        outcome: { correct: o.correct },
        durationMs: Math.min(o.elapsedMs, 24 * 3_600_000),
        source: q.type === 'command' ? 'command' : 'quiz',
        answeredAt: new Date().toISOString(),
      });
    }
    setIndex((i) => i + 1);
  };

  /** The current question was answered (or an answer overridden). */
  const settle = (o: Outcome) => {
    run.current ??= { id: crypto.randomUUID(), startedAt: new Date(Date.now() - o.elapsedMs).toISOString() };
    setOutcomes((prev) => {
      const next = [...prev];
      next[index] = o;
      return next;
    });
  };

  const retake = () => {
    setOutcomes([]);
    setIndex(0);
    run.current = null;
  };

  const savedRun = useRef('');
  useEffect(() => {
    if (!finished) return;
    heading.current?.focus();
    const r = run.current;
    if (!saveResult || !r || savedRun.current === r.id) return;
    savedRun.current = r.id;
    void saveResult({
      runId: r.id,
      deck: scope.deck,
      topic: scope.topic,
      outcomes: questions.map((q, i) => ({ questionId: q.id, correct: outcomes[i]?.correct === true })),
      startedAt: r.startedAt,
    }).catch(() => undefined);
  }, [finished, saveResult, scope.deck, scope.topic, questions, outcomes]);

  return { index, outcomes, saved, finished, heading, settle, next: recordAndNext, retake };
}
