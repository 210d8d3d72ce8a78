/** The quality gate (issue 13): each reason drops a bad generated question; good ones pass. */
import { givesAway, qualityProblem } from '@/lib/qbank/generators/quality';
import { fillPlaceholders, sameFamily } from '@/lib/qbank/generators/command-task';
import { joinContinuations } from '@/lib/qbank/handlers/code';

const item = 'x';
describe('qualityProblem', () => {
  it.each([
    ['fragment', { type: 'cloze', prompt: 'Each _____ runs.', answer: 'task', item }],
    ['fragment', { type: 'cloze', prompt: 'and then the _____ restarts every failed task of the service.', answer: 'manager', item }],
    ['fragment', { type: 'cloze', prompt: '`docker run _____ -dt --name ucp docker/ucp install`', answer: '--rm', item }],
    ['gives away', { type: 'single-choice', prompt: 'Which command lists the swarm nodes with docker node ls?', choices: [{ text: '`docker node ls`', correct: true }, { text: '`docker ps`', correct: false }], item }],
    ['unseen', { type: 'qa', prompt: 'Which of the following flags sets the restart policy?', answer: '--restart', item }],
    ['unseen', { type: 'cloze', prompt: 'The _____ and -v examples below mount the same host folder.', answer: '--mount', item }],
    ['unseen', { type: 'cloze', prompt: 'Labels should follow the team layout, in this case the two product teams.', answer: 'Labels', item }],
    ['fragment', { type: 'cloze', prompt: 'This happens when containers are removed with the _____ flag of docker run.', answer: '--rm', item }],
    ['duplicate distractors', { type: 'single-choice', prompt: 'Which port do managers listen on?', choices: [{ text: '2377', correct: true }, { text: '7946', correct: false }, { text: '7946', correct: false }], item }],
    ['distractor is also true', { type: 'multiple-choice', prompt: 'Which ports does a swarm use?', choices: [{ text: '2377', correct: true }, { text: '2377', correct: false }, { text: '80', correct: false }], item }],
  ] as const)('drops: %s', (reason, q) => {
    expect(qualityProblem(q)).toMatch(new RegExp(reason.split(' ')[0], 'i'));
  });

  it.each([
    { type: 'cloze', prompt: 'Swarm managers listen on TCP port _____ for cluster management.', answer: '2377', item },
    { type: 'qa', prompt: 'Which port does DNS use?', answer: 'Port 53.', item },
    { type: 'cloze', prompt: '_____ are easier to back up or move than bind mounts.', answer: 'Volumes', item },
    { type: 'single-choice', prompt: 'Which command scales a service?', choices: [{ text: '`docker service scale`', correct: true }, { text: '`docker service ls`', correct: false }], item },
  ] as const)('keeps a good question: $prompt', (q) => {
    expect(qualityProblem(q)).toBeUndefined();
  });
});

describe('command generation helpers', () => {
  it('joins line continuations before anything else', () => {
    expect(joinContinuations('docker service create \\\n  --name web \\\n  nginx\n# next').lines).toEqual(['docker service create --name web nginx', '# next']);
  });
  it('fills placeholders consistently in prompt and solution, or refuses', () => {
    expect(fillPlaceholders(['docker service scale <service>=5'], 'Scale <service> to five replicas')).toEqual({ lines: ['docker service scale web=5'], description: 'Scale `web` to five replicas' });
    expect(fillPlaceholders(['docker service ps [SERVICE_NAME]'], 'List tasks')?.lines).toEqual(['docker service ps web']);
    expect(fillPlaceholders(['docker run ... nginx'], 'Run nginx')).toBeUndefined();
    expect(fillPlaceholders(['docker run <frobnicator>'], 'Run')).toBeUndefined();
  });
  it('draws recall distractors from the same command family', () => {
    expect(sameFamily('docker service scale')).toEqual(expect.arrayContaining(['docker service update', 'docker service ls']));
    expect(sameFamily('docker service scale')).not.toContain('docker service scale');
  });
});

describe('give-away words (#13 s3): stems and prefixes', () => {
  it('"initializes" gives away `init`, "leaves" `leave`, "saves" `save`', () => {
    expect(givesAway('Which command initializes a swarm?', 'init')).toBe(true);
    expect(givesAway('Which command leaves the swarm?', 'leave')).toBe(true);
    expect(givesAway('Which command saves images to a tar archive?', 'save')).toBe(true);
  });

  it('unrelated words and short stems do not', () => {
    expect(givesAway('Which command lists volumes?', 'ls')).toBe(false);
    expect(givesAway('Which command removes unused images?', 'prune')).toBe(false);
    expect(givesAway('Which command shows the tasks of a service?', 'ps')).toBe(false);
  });
});
