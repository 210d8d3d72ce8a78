import type { CSSProperties } from 'react';
import type { DiagramContainer, DiagramModel, DiagramNetwork } from './diagram-model';
import s from './lab.module.css';
import { plural } from '@/components/ui/format';

/** Network colours: mid-tones that read on the light and the dark theme (always paired with the name). */
const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#db2777', '#0891b2', '#65a30d', '#dc2626', '#4f46e5', '#0d9488'];

const colourOf = (n: DiagramNetwork | undefined) => PALETTE[(n?.colour ?? 0) % PALETTE.length];

function NetChip({ net, ip, derived, title }: { net: DiagramNetwork | undefined; name: string; ip?: string; derived?: boolean; title?: string }) {
  return (
    <span className={s.chip} data-derived={derived || undefined} style={{ '--c': colourOf(net) } as CSSProperties} title={title}>
      <span className={s.chipName}>{net?.name}</span>
      {ip && <code className={s.chipIp}>{ip}</code>}
    </span>
  );
}

function Container({ c, nets }: { c: DiagramContainer; nets: Map<string, DiagramNetwork> }) {
  return (
    <li className={s.ctr} data-stopped={!c.running || undefined} data-system={c.system || undefined}>
      <div className={s.ctrHead}>
        <strong className={s.ctrName} title={c.name}>
          {c.label}
        </strong>
        <span className={s.ctrImage}>{c.system ? 'routing mesh' : c.image}</span>
      </div>
      {c.label !== c.name && <span className={s.srOnly}>{`container ${c.name}`}</span>}
      {!c.running && <span className={s.ctrState}>{c.status}</span>}
      {c.endpoints.length > 0 ? (
        <ul className={s.chips} aria-label={`Networks of ${c.label}`}>
          {c.endpoints.map((e) => (
            <li key={e.network}>
              <NetChip
                net={nets.get(e.network)}
                name={e.network}
                ip={e.ip}
                derived={e.derived}
                title={e.derived ? 'Endpoint Docker adds by itself (docker_gwbridge, the routing mesh)' : e.aliases.length ? `aliases: ${e.aliases.join(', ')}` : undefined}
              />
            </li>
          ))}
        </ul>
      ) : (
        <span className={s.ctrState}>no network</span>
      )}
      {c.ports.length > 0 && (
        <p className={s.ports}>
          {c.ports.map((p) => (
            <span key={p.text} className={s.port}>
              <span className={s.portMode}>host port</span> {p.text}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/**
 * The lab's network state, laid out so it stays readable as it grows: swarm-wide networks,
 * the routing mesh and services on top, then one lane per node (side by side on a wide screen,
 * stacked on a phone) holding that node's networks and containers, tasks grouped by service.
 * Every network is a coloured chip that carries its name and the endpoint's address, so no
 * label depends on a line that could scroll away. Plain HTML lists: screen readers get the same.
 */
export function LabDiagram({ model, onPickNode }: { model: DiagramModel; onPickNode?: (node: string) => void }) {
  const nets = new Map(model.networks.map((n) => [n.name, n]));
  const swarmNets = model.networks.filter((n) => n.kind === 'swarm');
  const { counts } = model;
  return (
    <div className={s.diagram} data-lanes={model.lanes.length}>
      <p className={s.summary}>
        {[
          counts.nodes > 1 ? plural(counts.nodes, 'node') : null,
          plural(counts.networks, 'network'),
          plural(counts.containers, 'container'),
          model.services.length ? plural(model.services.length, 'service') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>

      {swarmNets.length > 0 && (
        <section className={s.band} aria-labelledby="dg-swarm-nets">
          <h3 id="dg-swarm-nets" className={s.bandTitle}>
            Swarm networks <span className={s.bandNote}>span every node</span>
          </h3>
          <ul className={s.netList}>
            {swarmNets.map((n) => (
              <li key={n.name} className={s.netItem} style={{ '--c': colourOf(n) } as CSSProperties}>
                <strong>{n.name}</strong>
                <span className={s.netMeta}>
                  {[n.driver, n.subnet, n.internal ? 'internal' : null, n.name === 'ingress' ? 'routing mesh' : null].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {model.mesh.length > 0 && (
        <section className={s.band} data-mesh aria-labelledby="dg-mesh">
          <h3 id="dg-mesh" className={s.bandTitle}>
            Routing mesh <span className={s.bandNote}>ingress ports answer on every node</span>
          </h3>
          <ul className={s.meshList}>
            {model.mesh.map((m) => (
              <li key={`${m.published}/${m.protocol}`}>
                <code>
                  :{m.published}
                  {m.protocol !== 'tcp' ? `/${m.protocol}` : ''}
                </code>{' '}
                on {model.lanes.map((l) => l.node).join(', ')} → <strong>{m.service}</strong> tasks port <code>{m.target}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      {model.services.length > 0 && (
        <section className={s.band} aria-labelledby="dg-services">
          <h3 id="dg-services" className={s.bandTitle}>
            Services
          </h3>
          <ul className={s.svcList}>
            {model.services.map((sv) => (
              <li key={sv.name} className={s.svc}>
                <div className={s.ctrHead}>
                  <strong>{sv.name}</strong>
                  <span className={s.ctrImage}>{sv.state}</span>
                </div>
                {sv.networks.length > 0 && (
                  <ul className={s.chips} aria-label={`Networks of service ${sv.name}`}>
                    {sv.networks.map((n) => (
                      <li key={n}>
                        <NetChip net={nets.get(n)} name={n} />
                      </li>
                    ))}
                  </ul>
                )}
                {sv.ports.length > 0 && (
                  <p className={s.ports}>
                    {sv.ports.map((p) => (
                      <span key={`${p.published}/${p.protocol}`} className={s.port} data-mode={p.mode}>
                        <span className={s.portMode}>{p.mode === 'host' ? 'host mode' : 'ingress'}</span> {p.published}→{p.target}
                        {p.protocol !== 'tcp' ? `/${p.protocol}` : ''}
                      </span>
                    ))}
                  </p>
                )}
                <p className={s.tasks}>
                  {sv.tasks.length ? `Tasks: ${sv.tasks.map((t) => `${t.label} on ${t.node}${t.state !== 'running' ? ` (${t.state})` : ''}`).join(', ')}` : 'No tasks'}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className={s.lanes}>
        {model.lanes.map((lane) => {
          const here = lane.node === model.node;
          const id = `dg-lane-${lane.node}`;
          return (
            <section key={lane.node} className={s.lane} data-here={here || undefined} aria-labelledby={id}>
              <div className={s.laneHead}>
                <h3 id={id} className={s.laneTitle}>
                  {lane.node}
                </h3>
                <span className={s.laneMeta}>{[lane.role, lane.addr, here ? 'terminal here' : null].filter(Boolean).join(' · ')}</span>
                {!here && onPickNode && (
                  <button type="button" className={s.laneBtn} onClick={() => onPickNode(lane.node)}>
                    Use<span className={s.srOnly}>{` the terminal on ${lane.node}`}</span>
                  </button>
                )}
              </div>
              {lane.networks.length > 0 && (
                <ul className={s.netList} aria-label={`Local networks on ${lane.node}`}>
                  {lane.networks.map((name) => {
                    const n = nets.get(name);
                    return (
                      <li key={name} className={s.netItem} style={{ '--c': colourOf(n) } as CSSProperties}>
                        <strong>{name}</strong>
                        <span className={s.netMeta}>{[n?.driver, n?.subnet, n?.internal ? 'internal' : null].filter(Boolean).join(' · ')}</span>
                      </li>
                    );
                  })}
                </ul>
              )}
              {lane.groups.length === 0 && <p className={s.empty}>No containers yet</p>}
              {lane.groups.map((g) => (
                <div key={g.service ?? ''} className={s.group}>
                  <h4 className={s.groupTitle}>{g.service ? `Service ${g.service}` : 'Containers'}</h4>
                  <ul className={s.ctrList}>
                    {g.containers.map((c) => (
                      <Container key={c.id} c={c} nets={nets} />
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          );
        })}
      </div>
      {model.swarm && (
        <p className={s.legend}>
          <span className={s.chip} data-derived style={{ '--c': 'var(--x-muted)' } as CSSProperties}>
            <span className={s.chipName}>dashed</span>
          </span>{' '}
          endpoints are the ones Docker adds by itself: <code>docker_gwbridge</code> for containers on overlay networks, and each node&apos;s{' '}
          <code>ingress-sbox</code> for the routing mesh.
        </p>
      )}
    </div>
  );
}
