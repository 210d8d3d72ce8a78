import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getCurrentUser } from '@/server/session';
import { safeCallbackUrl } from '@/lib/auth/schema';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="auth-page">
      <h1>Create an account</h1>
      <p>An account keeps your flashcard schedule, quiz answers and exam history. Answers you gave as a guest in this browser are kept.</p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
