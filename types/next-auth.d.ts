import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & {
      /** Database id of the signed-in user (the JWT's `sub`). */
      id: string;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** Password version the session was issued for (server/session.ts revokes on mismatch). */
    pwv?: string;
    /** User.sessionVersion the session was issued at (server/session.ts revokes on mismatch; absent = 0). */
    sv?: number;
  }
}
