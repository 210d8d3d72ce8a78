/**
 * The labs a learner can open: two free-play labs (one host, or a three-node swarm) and one
 * per scenario. A LabKey names one of them ("free:single", "free:swarm", "scenario:<id>").
 */

export type FreeVariant = 'single' | 'swarm';
export type LabRef = { kind: 'free'; variant: FreeVariant } | { kind: 'scenario'; id: string };
export type LabKey = `free:${FreeVariant}` | `scenario:${string}`;

export const FREE_LABS: Record<FreeVariant, { title: string; description: string; nodes?: string[]; setup: string[]; banner: string }> = {
  single: {
    title: 'One host',
    description: 'A fresh Docker engine on one host.',
    setup: [],
    banner: 'Free play: a fresh Docker engine. Try `docker network create demo` or `docker run -d --name web nginx`. Type `help` for what the lab simulates.',
  },
  swarm: {
    title: 'Swarm of three nodes',
    description: 'A swarm already set up: manager1 (manager) with worker1 and worker2 joined.',
    nodes: ['manager1', 'worker1', 'worker2'],
    setup: [
      'manager1$ docker swarm init --advertise-addr 10.0.0.11',
      'worker1$ docker swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377',
      'worker2$ docker swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377',
    ],
    banner:
      'Free play, swarm: manager1 is a manager, worker1 and worker2 have joined. Switch nodes with the buttons above.\n' +
      'Try `docker service create --name web --replicas 3 -p 8080:80 nginx` on manager1.',
  },
};

export function labKey(ref: LabRef): LabKey {
  return ref.kind === 'free' ? `free:${ref.variant}` : `scenario:${ref.id}`;
}

export function parseLabKey(key: LabKey | string): LabRef {
  if (key === 'free:swarm') return { kind: 'free', variant: 'swarm' };
  if (key.startsWith('scenario:')) return { kind: 'scenario', id: key.slice('scenario:'.length) };
  return { kind: 'free', variant: 'single' };
}

/** A scenario prompt as plain text for lists and banners (Markdown marks dropped, never cut). */
export function plainPrompt(markdown: string): string {
  return markdown.replace(/`|\*\*/g, '').replace(/\s+/g, ' ').trim();
}
