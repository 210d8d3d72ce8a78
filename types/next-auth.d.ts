import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & {
      /** Database id of the signed-in user (the JWT's `sub`). */
      id: string;
    };
  }
}
