'use client';

import { signOut } from 'next-auth/react';
import { buttonClass } from '@/components/ui';
import { PENDING_STORAGE_KEY } from '@/components/review/pending-reviews';

/** Signs out (POST /api/auth/signout with the CSRF token) and goes home. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <button type="button" className={buttonClass({ size: 'sm' }, className)} onClick={() => {
        // Grades still waiting for the server belong to this account: never send them under the next one.
        try {
          window.localStorage.removeItem(PENDING_STORAGE_KEY);
        } catch {
          /* storage blocked */
        }
        void signOut({ callbackUrl: '/' });
      }}>
      Sign out
    </button>
  );
}
