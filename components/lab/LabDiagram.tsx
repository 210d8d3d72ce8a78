import type { DiagramModel } from './diagram-model';
import s from './lab.module.css';

const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#db2777', '#0891b2', '#65a30d', '#dc2626'];

/**
 * The CNM state of one node: networks as horizontal buses, containers (sandboxes) as
 * columns, and a joint with the endpoint's IP where a container joins a network.
 * Below it, the same facts as lists (which is also what screen readers get).
 */
export function LabDiagram({ model }: { model: DiagramModel }) {
  const { networks, containers, services } = model;
  const colour = new Map(networks.map((n, i) => [n.name, PALETTE[i % PALETTE.length]]));
  const colW = 132;
  const rowH = 46;
  const labelW = 150;
  const top = 64;
  const width = Math.max(labelW + Math.max(containers.length, 1) * colW + 12, 420);
  const height = top + Math.max(networks.length, 1) * rowH + 10;
  const cx = (i: number) => labelW + i * colW + colW / 2;
  const ry = (j: number) => top + j * rowH + rowH / 2;

  return (
    <div className={s.diagram}>
      <div className={s.svgWrap}>
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="diagram-title diagram-desc" className={s.svg}>
          <title id="diagram-title">{`Network diagram of ${model.node}`}</title>
          <desc id="diagram-desc">
            {`${networks.length} networks and ${containers.length} containers. ` +
              containers
                .map((c) => `${c.name} is on ${c.endpoints.map((e) => `${e.network}${e.ip ? ` at ${e.ip}` : ''}`).join(', ') || 'no network'}`)
                .join('. ')}
          </desc>
          {networks.map((n, j) => (
            <g key={n.name}>
              <text x={8} y={ry(j) - 3} className={s.netName}>
                {n.name.length > 18 ? `${n.name.slice(0, 17)}…` : n.name}
              </text>
              <text x={8} y={ry(j) + 12} className={s.netMeta}>
                {[n.driver, n.subnet].filter(Boolean).join(' · ')}
              </text>
              <line x1={labelW - 6} x2={width - 8} y1={ry(j)} y2={ry(j)} stroke={colour.get(n.name)} strokeWidth={4} strokeLinecap="round" />
            </g>
          ))}
          {containers.map((c, i) => {
            const joined = c.endpoints.map((e) => networks.findIndex((n) => n.name === e.network)).filter((j) => j >= 0);
            const lowest = joined.length ? Math.max(...joined) : -1;
            return (
              <g key={c.name}>
                {lowest >= 0 && <line x1={cx(i)} x2={cx(i)} y1={48} y2={ry(lowest)} className={s.drop} />}
                <rect x={cx(i) - colW / 2 + 8} y={8} width={colW - 16} height={40} rx={8} className={s.box} data-stopped={c.running === false || undefined} />
                <text x={cx(i)} y={25} textAnchor="middle" className={s.boxName}>
                  {c.name.length > 15 ? `${c.name.slice(0, 14)}…` : c.name}
                </text>
                <text x={cx(i)} y={40} textAnchor="middle" className={s.boxMeta}>
                  {(c.ports.length ? c.ports[0] : (c.image ?? '')).slice(0, 20)}
                </text>
                {c.endpoints.map((e) => {
                  const j = networks.findIndex((n) => n.name === e.network);
                  if (j < 0) return null;
                  return (
                    <g key={e.network}>
                      <circle cx={cx(i)} cy={ry(j)} r={6} fill={colour.get(e.network)} stroke="var(--bg, #fff)" strokeWidth={2} />
                      {e.ip && (
                        <text x={cx(i) + 9} y={ry(j) - 7} className={s.ip}>
                          {e.ip}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
          {containers.length === 0 && (
            <text x={labelW} y={32} className={s.netMeta}>
              no containers yet
            </text>
          )}
        </svg>
      </div>

      <div className={s.facts}>
        <section aria-label="Networks">
          <h3>Networks</h3>
          <ul>
            {networks.map((n) => (
              <li key={n.name}>
                <span className={s.swatch} style={{ background: colour.get(n.name) }} aria-hidden="true" />
                <strong>{n.name}</strong> <span className={s.muted}>{n.driver}{n.scope ? `, ${n.scope}` : ''}</span>
                {(n.subnet || n.gateway) && (
                  <div className={s.muted}>
                    {n.subnet && <>subnet <code>{n.subnet}</code></>}
                    {n.gateway && <> gateway <code>{n.gateway}</code></>}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Containers">
          <h3>Containers</h3>
          {containers.length === 0 ? (
            <p className={s.muted}>None</p>
          ) : (
            <ul>
              {containers.map((c) => (
                <li key={c.name}>
                  <strong>{c.name}</strong> {c.running === false && <span className={s.muted}>(stopped)</span>}
                  {c.endpoints.map((e) => (
                    <div key={e.network} className={s.muted}>
                      {e.network}
                      {e.ip && <> · <code>{e.ip}</code></>}
                      {e.aliases && e.aliases.length > 0 && <> · aliases {e.aliases.join(', ')}</>}
                    </div>
                  ))}
                  {c.ports.length > 0 && <div className={s.muted}>ports {c.ports.join(', ')}</div>}
                </li>
              ))}
            </ul>
          )}
        </section>
        {services.length > 0 && (
          <section aria-label="Services">
            <h3>Services</h3>
            <ul>
              {services.map((sv) => (
                <li key={sv.name}>
                  <strong>{sv.name}</strong> <span className={s.muted}>{sv.replicas}</span>
                  {sv.networks.length > 0 && <div className={s.muted}>networks {sv.networks.join(', ')}</div>}
                  {sv.ports.length > 0 && <div className={s.muted}>ports {sv.ports.join(', ')}</div>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
