'use client';

import { signOut } from 'next-auth/react';

/** Signs out (POST /api/auth/signout with the CSRF token) and goes home. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <button type="button" className={className} onClick={() => void signOut({ callbackUrl: '/' })}>
      Sign out
    </button>
  );
}
