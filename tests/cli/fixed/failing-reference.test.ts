// Regression: a task whose reference solution fails in the simulator compared two unchanged
// engines and accepted any answer, even an empty one (found by the deck helper, issue 8).
import { check } from '@/lib/cli';

describe('check() with a failing reference solution', () => {
  const broken = {
    setup: [],
    solutions: [['docker network rm does-not-exist']],
    mode: 'state' as const,
  };

  it('does not accept an empty answer', () => {
    const r = check(broken, []);
    expect(r.correct).toBe(false);
    expect(r.feedback[0]).toMatch(/reference solution does not run in the simulator/);
  });

  it('still judges against the references that do run', () => {
    const task = { setup: [], solutions: [['docker network rm nope'], ['docker network create app']], mode: 'state' as const };
    expect(check(task, ['docker network create app']).correct).toBe(true);
    expect(check(task, []).correct).toBe(false);
  });
});
