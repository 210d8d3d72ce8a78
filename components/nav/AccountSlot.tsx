import Link from 'next/link';
import { buttonClass } from '@/components/ui';

export interface AccountUser {
  email: string | null;
  name: string | null;
}

/** Initials for the avatar: from the name, else the e-mail's local part. */
export function initials(user: AccountUser): string {
  const source = user.name?.trim() || user.email?.split('@')[0] || '?';
  const parts = source.split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[1][0] : source.slice(0, 2);
  return letters.toUpperCase();
}

/** Right side of the header: the signed-in learner, or sign-in / sign-up links. */
export function AccountSlot({ user }: { user: AccountUser | null }) {
  if (!user) {
    return (
      <div className="account-slot">
        <Link href="/signin" className={buttonClass({ variant: 'ghost', size: 'sm' })}>Sign in</Link>
        <Link href="/signup" className={buttonClass({ variant: 'primary', size: 'sm' })}>Sign up</Link>
      </div>
    );
  }
  const label = user.name || user.email || 'Account';
  return (
    <div className="account-slot">
      <Link href="/account" className="account-link" title={label}>
        <span className="avatar" aria-hidden="true">{initials(user)}</span>
        <span className="account-link__text">Account</span>
      </Link>
    </div>
  );
}
