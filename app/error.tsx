'use client';
import { useEffect } from 'react';
import { Button, ButtonLink, ErrorState } from '@/components/ui';

/** Unexpected failures of any page land here; the learner can retry or go home. */
export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <ErrorState
      title="This page could not be loaded"
      detail={error.digest}
      actions={
        <>
          <Button variant="primary" onClick={() => reset()}>Try again</Button>
          <ButtonLink href="/">Go to the dashboard</ButtonLink>
        </>
      }
    >
      Something failed on our side. Your progress is saved; trying again usually helps.
    </ErrorState>
  );
}
