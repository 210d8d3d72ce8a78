/**
 * Runs once when the server starts. Node runtime only: NEXT_RUNTIME is Next's own build-time marker
 * (not app configuration), so the edge bundle leaves the Node-only import out.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('./env');
    const { installClientAddress } = await import('./server/client-address');
    installClientAddress(env().TRUST_PROXY);
  }
}
