import { withUser } from '@/server/session';
import { exportAccount } from '@/server/users';

export const dynamic = 'force-dynamic';

/** GET /account/export: the signed-in user's data as a JSON download (guests: 401). */
export const GET = withUser(async (user) => {
  const data = await exportAccount(user.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="netprep-export-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
});
