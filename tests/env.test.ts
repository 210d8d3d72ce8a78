import { parseEnv, EnvError } from '@/env';

describe('parseEnv', () => {
  // defaults
  it('fills every default', () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBe('file:./data/app.db');
    expect(e.PORT).toBe(3000);
  });
  // bad input names the variable
  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'postgresql://' }, /DATABASE_URL/],
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
  ])('rejects %j', (input, re) => {
    expect(() => parseEnv(input)).toThrow(EnvError);
    expect(() => parseEnv(input)).toThrow(re);
  });
});
