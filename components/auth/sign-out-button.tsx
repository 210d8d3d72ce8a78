'use client';

import { signOut } from 'next-auth/react';
import { buttonClass } from '@/components/ui';

/** Signs out (POST /api/auth/signout with the CSRF token) and goes home. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <button type="button" className={buttonClass({ size: 'sm' }, className)} onClick={() => void signOut({ callbackUrl: '/' })}>
      Sign out
    </button>
  );
}
