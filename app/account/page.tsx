import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AccountForms } from '@/components/auth/account-forms';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { buttonClass } from '@/components/ui';
import { signOutEverywhereAction } from './actions';
import { getCurrentUser } from '@/server/session';
import { hasPassword } from '@/server/users';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=/account');
  return (
    <div className="auth-page">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{user.email ?? user.name ?? 'you'}</strong>. <SignOutButton />
      </p>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export your data</h2>
        <p>Download your settings, flashcard schedule, review history and exam attempts as one JSON file.</p>
        <p>
          <a href="/account/export" download>
            Download my data (JSON)
          </a>
        </p>
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Signed-in devices</h2>
        <p>Lost a device or signed in on a shared computer? This signs you out on every browser, this one included.</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className={buttonClass({})}>
            Sign out everywhere
          </button>
        </form>
      </section>
      <AccountForms email={user.email ?? ''} hasPassword={await hasPassword(user.id)} />
    </div>
  );
}
