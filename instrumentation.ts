/**
 * Runs once when the server starts. Node runtime only: NEXT_RUNTIME is Next's own build-time marker
 * (not app configuration), so the edge bundle leaves the Node-only import out.
 * Installs the client-address reader, and a moment after start renders the deck pages' study
 * notes in the background, so deck pages answer from the cache (server/study-notes.ts) from
 * their first visit.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('./env');
    const { installClientAddress } = await import('./server/client-address');
    installClientAddress(env().TRUST_PROXY);
    const { warmStudyNotes } = await import('./server/study-notes');
    const timer = setTimeout(() => {
      warmStudyNotes().catch(() => undefined); // a missing bank shows on the pages themselves
    }, 1500);
    timer.unref?.();
  }
}
