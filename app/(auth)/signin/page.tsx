import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { oauthProviderButtons } from '@/auth';
import { ProviderButtons, SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentUser } from '@/server/session';
import { safeCallbackUrl, SIGN_IN_FAILED } from '@/lib/auth/schema';

export const metadata: Metadata = { title: 'Sign in' };

// next-auth error codes that reach this page through ?error=; anything else is shown as the generic message.
const errorMessages: Record<string, string> = {
  OAuthAccountNotLinked: 'This email already has an account with a password. Sign in with your password.',
  AccessDenied: 'Access was denied.',
  Callback: 'Signing in with that provider failed. Try again.',
  OAuthCallback: 'Signing in with that provider failed. Try again.',
  OAuthSignin: 'Signing in with that provider failed. Try again.',
  SessionRequired: 'Sign in to continue.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? (errorMessages[params.error] ?? SIGN_IN_FAILED) : undefined;
  const signedOutEverywhere = params.signedOut === 'everywhere';
  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      {signedOutEverywhere ? (
        <p className="auth-ok" role="status">
          You were signed out on every device.
        </p>
      ) : null}
      <p>Sign in to save your reviews and exam history. You can also keep studying as a guest.</p>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
      <ProviderButtons providers={oauthProviderButtons()} callbackUrl={callbackUrl} />
    </div>
  );
}
