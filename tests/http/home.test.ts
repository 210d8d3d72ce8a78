import { freshDatabase, type TestDatabase } from '../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';

describe('production server', () => {
  let server: RunningServer;
  let t: TestDatabase;
  beforeAll(async () => {
    t = freshDatabase('http-home');
    server = await startServer({ DATABASE_URL: t.url });
  }, 60000);
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  it('serves the home page with 200 and the product name', async () => {
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('NetPrep');
  });

  it('answers 404 for an unknown page', async () => {
    const res = await fetch(server.url + '/definitely-not-a-page');
    expect(res.status).toBe(404);
  });
});
