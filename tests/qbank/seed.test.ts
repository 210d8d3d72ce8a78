/** The seed note (content/docker-networking.md, no question syntax at all) compiles into a useful deck. */
import fs from 'node:fs';
import path from 'node:path';
import { compile, QuestionSchema, serialiseBank, type Question } from '@/lib/qbank';

const SEED = fs.readFileSync(path.join(__dirname, '../../content/docker-networking.md'), 'utf8');
const { bank, diagnostics, rules } = compile([{ path: 'docker-networking.md', content: SEED }]);
const qs = bank.questions;
const ofType = (t: Question['type']) => qs.filter((q) => q.type === t);
const ofRule = (r: string) => qs.filter((q) => rules[q.id] === r);

describe('seed deck', () => {
  it('compiles without errors into at least 40 questions', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(qs.length).toBeGreaterThanOrEqual(40);
    for (const q of qs) expect(QuestionSchema.safeParse(q).success).toBe(true);
  });

  it.each([
    // type, minimum
    ['single-choice', 10],
    ['multiple-choice', 4],
    ['qa', 6],
    ['cloze', 10],
    ['command', 5],
  ] as const)('has at least %s: %i', (type, min) => {
    expect(ofType(type).length).toBeGreaterThanOrEqual(min);
  });

  it('asks one driver question per "best network driver type" item, 3+ choices of drivers', () => {
    const drivers = ofRule('best-choice');
    expect(drivers).toHaveLength(4);
    for (const q of drivers) {
      expect(q.type).toBe('single-choice');
      expect(q.choices!.length).toBeGreaterThanOrEqual(3);
      for (const c of q.choices!) expect(c.text).toMatch(/networks$/);
    }
    const host = drivers.find((q) => q.choices!.find((c) => c.correct)!.text === 'Host networks')!;
    expect(host.prompt).toBe(
      'Which network driver type is the best choice when the network stack should not be isolated from the Docker host, but you want other aspects of the container to be isolated?',
    );
  });

  it('makes a command task of every commented command, `# or` as a second solution', () => {
    const tasks = ofType('command');
    const bridge = tasks.find((q) => q.prompt.startsWith('Create a bridge network `my-bridge-network`'))!;
    expect(bridge.command!.solutions).toEqual([['docker network create -d bridge my-bridge-network'], ['docker network create my-bridge-network']]);
    const connect = tasks.find((q) => q.command!.solutions[0][0] === 'docker network connect my-net my-nginx')!;
    expect(connect.command!.setup).toEqual(['docker network create my-net', 'docker run -d --name my-nginx nginx:latest']);
    expect(connect.command!.solutions).toHaveLength(1);
    // `docker create ... --network my-net` reaches a different end state: a task of its own.
    const create = tasks.find((q) => q.command!.solutions[0][0].startsWith('docker create'))!;
    expect(create.command!.setup).toEqual(['docker network create my-net']);
    const overlay = tasks.find((q) => q.prompt.includes('dev_overlay'))!;
    expect(overlay.command!.setup).toEqual(['docker swarm init']);
    expect(overlay.prompt).toContain('`192.168.1.0/24`');
    const ls = tasks.find((q) => q.command!.solutions[0][0] === 'docker network ls')!;
    expect(ls.command!.mode).toBe('output');
    expect(ls.prompt).not.toMatch(/\bls\b/);
  });

  it('asks which command takes which option', () => {
    const alias = qs.find((q) => q.prompt === 'Which `docker network` command accepts the `--alias` option?')!;
    expect(alias.choices!.filter((c) => c.correct).map((c) => c.text)).toEqual(['`docker network connect`']);
    const force = qs.find((q) => q.prompt === 'Which `docker network` commands accept the `--force` (`-f`) option?')!;
    expect(force.type).toBe('multiple-choice');
    expect(force.choices!.filter((c) => c.correct).map((c) => c.text).sort()).toEqual(['`docker network disconnect`', '`docker network prune`']);
  });

  it('asks a multiple-choice question from a list-introducing item', () => {
    const ports = qs.find((q) => q.prompt === 'Which docker commands can be used to find out all the ports mapped?')!;
    expect(ports.type).toBe('multiple-choice');
    expect(ports.choices!.filter((c) => c.correct).map((c) => c.text).sort()).toEqual(['`docker inspect`', '`docker port`', '`docker ps`']);
    expect(ports.choices!.filter((c) => !c.correct).every((c) => /^`docker [a-z]+`$/.test(c.text))).toBe(true);
  });

  it('makes cards of key numbers, bold terms and named things', () => {
    expect(qs.some((q) => q.type === 'cloze' && q.answer === '32768')).toBe(true);
    expect(qs.some((q) => q.type === 'cloze' && q.answer === 'routing mesh' && q.prompt.includes('Publishing a service'))).toBe(true);
    expect(qs.some((q) => q.answer === '`ingress`')).toBe(true);
    expect(qs.some((q) => q.answer === '`docker_gwbridge`')).toBe(true);
  });

  it('has no duplicate prompts and no prompt containing its own answer', () => {
    const prompts = qs.map((q) => q.prompt.toLowerCase());
    expect(new Set(prompts).size).toBe(prompts.length);
    for (const q of qs) {
      if (q.type === 'cloze') expect(q.prompt.toLowerCase()).not.toContain(q.answer!.toLowerCase());
      if (q.type === 'qa' && q.answer!.length < 30) expect(q.prompt).not.toContain(q.answer!);
      if (q.type === 'single-choice') expect(q.prompt.replace(q.topic[q.topic.length - 1], '')).not.toContain(q.choices!.find((c) => c.correct)!.text);
    }
  });

  it('is byte-identical for the same input', () => {
    const again = compile([{ path: 'docker-networking.md', content: SEED }]);
    expect(serialiseBank(again.bank)).toBe(serialiseBank(bank));
  });

  it('keeps sourceItem shared by siblings and ids unique', () => {
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
    const cnm = qs.filter((q) => q.source.line === 161);
    expect(cnm.length).toBe(2);
    expect(cnm[0].sourceItem).toBe(cnm[1].sourceItem);
  });
});
