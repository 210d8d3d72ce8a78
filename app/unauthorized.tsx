import Link from 'next/link';

/** 401 page (unauthorized() from a page or server action that needs a signed-in user). */
export default function Unauthorized() {
  return (
    <div className="auth-page">
      <h1>Sign in to continue</h1>
      <p>
        This needs an account. <Link href="/signin">Sign in</Link> or <Link href="/signup">create one</Link>.
      </p>
    </div>
  );
}
