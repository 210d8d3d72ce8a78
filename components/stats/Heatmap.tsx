import { heatmapWeeks, type DayCount } from './heatmap';
import { plural } from '@/components/ui/format';
import styles from './Heatmap.module.css';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface HeatmapProps {
  days: DayCount[];
  /** Local calendar day, YYYY-MM-DD. */
  today: string;
  weeks?: number;
}

/** A GitHub-style calendar of reviews per day (server-rendered, no JavaScript). */
export function Heatmap({ days, today, weeks = 20 }: HeatmapProps) {
  const grid = heatmapWeeks(days, today, weeks);
  const total = grid.flat().reduce((s, c) => s + c.count, 0);
  const active = grid.flat().filter((c) => c.count > 0).length;
  const summary = `${plural(total, 'review')} on ${active} of the last ${weeks} weeks' days`;
  return (
    <figure className={styles.figure}>
      <div className={styles.scroller}>
        <div className={styles.months} aria-hidden="true" style={{ gridTemplateColumns: `repeat(${weeks}, var(--cell))` }}>
          {grid.map((col, i) => {
            const first = col[0].date;
            const prev = i > 0 ? grid[i - 1][0].date : '';
            const show = i === 0 ? Number(first.slice(8)) <= 14 : first.slice(5, 7) !== prev.slice(5, 7);
            return <span key={first}>{show ? MONTHS[Number(first.slice(5, 7)) - 1] : ''}</span>;
          })}
        </div>
        <div className={styles.body}>
          <div className={styles.weekdays} aria-hidden="true">
            <span>Mon</span><span /><span>Wed</span><span /><span>Fri</span><span /><span />
          </div>
          <div className={styles.grid} role="img" aria-label={summary} style={{ gridTemplateColumns: `repeat(${weeks}, var(--cell))` }}>
            {grid.map((col) => (
              <div key={col[0].date} className={styles.week}>
                {col.map((c) => (
                  <span
                    key={c.date}
                    className={styles.cell}
                    data-level={c.level}
                    data-future={c.future || undefined}
                    title={c.future ? undefined : `${c.date}: ${plural(c.count, 'review')}`}
                  />
                ))}
              </div>
            ))}
          </div>
        </div>
      </div>
      <figcaption className={styles.caption}>
        <span>{summary}</span>
        <span className={styles.legend} aria-hidden="true">
          Less
          {[0, 1, 2, 3, 4].map((l) => <span key={l} className={styles.cell} data-level={l} />)}
          More
        </span>
      </figcaption>
    </figure>
  );
}
