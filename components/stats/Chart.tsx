'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { plural } from '@/components/ui/format';
import type { ChartSeries } from './types';

interface ChartProps {
  series: ChartSeries;
  kind: 'bars' | 'line';
  /** What is plotted, for the legend, e.g. "Reviews per day". */
  label: string;
  /** Accessible name of the chart. */
  description: string;
  /** Format a y value for the axis and readout. */
  format?: 'count' | 'percent';
  /** Counts: the unit, singular and plural ("review", "reviews"), for "12 reviews". */
  unit?: readonly [string, string];
  /** A horizontal reference value (e.g. desired retention), and what it is called. */
  reference?: number;
  referenceLabel?: string;
  height?: number;
}

/** Resolve a CSS colour token (which may use light-dark()) to an rgb() string for the canvas. */
function cssColor(el: HTMLElement, token: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  probe.style.display = 'none';
  el.appendChild(probe);
  const c = getComputedStyle(probe).color;
  probe.remove();
  return c;
}

const toTs = (d: string) => Date.parse(d + 'T00:00:00Z') / 1000;
const longDate = (d: string) => new Date(d + 'T00:00:00Z').toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * A small uPlot chart that follows the theme and the container width, with a legend that says
 * what is plotted and a readout line: a summary of the whole series, or the value under the
 * pointer. The chart takes focus (Tab) and ← → Home End step through the points, read out
 * politely to screen readers; ChartCard adds the figures as a table.
 */
export default function Chart({ series, kind, label, description, format = 'count', unit, reference, referenceLabel = 'Target', height = 220 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const [active, setActive] = useState<number | null>(null);

  const value = useMemo(
    () => (v: number | null) => (v == null ? 'no data' : format === 'percent' ? `${Math.round(v * 100)}%` : unit ? plural(Math.round(v), unit[0], unit[1]) : String(Math.round(v))),
    [format, unit],
  );

  const summary = useMemo(() => {
    const points = series.values.map((v, i) => ({ v, d: series.dates[i] })).filter((p): p is { v: number; d: string } => p.v != null);
    if (points.length === 0) return 'No data yet.';
    if (format === 'percent') {
      const last = points[points.length - 1];
      const mean = points.reduce((a, p) => a + p.v, 0) / points.length;
      return `Latest ${value(last.v)} (week of ${longDate(last.d)}), average ${value(mean)}.`;
    }
    const total = points.reduce((a, p) => a + p.v, 0);
    const best = points.reduce((a, p) => (p.v > a.v ? p : a));
    const days = plural(series.dates.length, 'day');
    return best.v > 0 ? `${value(total)} over ${days}; most on ${longDate(best.d)} (${Math.round(best.v)}).` : `${value(0)} over ${days}.`;
  }, [series, format, value]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | null = null;
    const axisFmt = (v: number | null) => (v == null ? '' : format === 'percent' ? `${Math.round(v * 100)}%` : String(Math.round(v)));

    function build() {
      plot?.destroy();
      const accent = cssColor(el!, '--accent');
      const grid = cssColor(el!, '--border');
      const text = cssColor(el!, '--muted');
      const warn = cssColor(el!, '--warning');
      const xs = series.dates.map(toTs);
      const data: uPlot.AlignedData = reference !== undefined ? [xs, series.values, xs.map(() => reference)] : [xs, series.values];
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px system-ui, sans-serif' };
      const opts: uPlot.Options = {
        width: Math.max(240, el!.clientWidth),
        height,
        padding: [8, 8, 0, 0],
        cursor: { drag: { x: false, y: false }, points: { size: 6 } },
        legend: { show: false },
        hooks: { setCursor: [(u) => setActive(u.cursor.idx ?? null)] },
        scales: { x: { time: true }, y: format === 'percent' ? { range: [0, 1] } : { range: (_u, _min, max) => [0, Math.max(4, max * 1.1)] } },
        axes: [
          { ...axis, values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleDateString('en-GB', { month: 'short', day: 'numeric', timeZone: 'UTC' })) },
          { ...axis, size: 44, values: (_u, ticks) => ticks.map((t) => axisFmt(t)) },
        ],
        series: [
          {},
          kind === 'bars'
            ? { label, stroke: accent, fill: accent, width: 0, paths: uPlot.paths.bars!({ size: [0.7, 28], gap: 1 }), points: { show: false } }
            : { label, stroke: accent, width: 2.5, spanGaps: true, points: { show: true, size: 6, fill: accent } },
          ...(reference !== undefined ? [{ label: referenceLabel, stroke: warn, width: 1.5, dash: [6, 4], points: { show: false } }] : []),
        ],
      };
      plot = new uPlot(opts, data, el!);
      plotRef.current = plot;
    }

    build();
    const ro = new ResizeObserver(() => plot?.setSize({ width: Math.max(240, el.clientWidth), height }));
    ro.observe(el);
    const mo = new MutationObserver(build);
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener('change', build);
    return () => {
      ro.disconnect();
      mo.disconnect();
      mq.removeEventListener('change', build);
      plot?.destroy();
      plotRef.current = null;
    };
  }, [series, kind, label, format, reference, referenceLabel, height]);

  /** Keyboard: move the cursor to point i (clamped), as a hover would. */
  function moveTo(i: number) {
    const plot = plotRef.current;
    const n = series.dates.length;
    if (!plot || n === 0) return;
    const idx = Math.min(n - 1, Math.max(0, i));
    const v = series.values[idx];
    plot.setCursor({ left: plot.valToPos(toTs(series.dates[idx]), 'x'), top: plot.valToPos(v ?? 0, 'y') });
    setActive(idx);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    const n = series.dates.length;
    const from = active ?? n - 1;
    const next = e.key === 'ArrowLeft' ? from - 1 : e.key === 'ArrowRight' ? from + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (next === null) return;
    e.preventDefault();
    moveTo(active === null && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') ? n - 1 : next);
  }

  const readout =
    active !== null && series.dates[active] !== undefined
      ? `${format === 'percent' ? `Week of ${longDate(series.dates[active])}` : longDate(series.dates[active])}: ${value(series.values[active])}`
      : summary;

  return (
    <div className="stack stack-sm">
      <div className="cluster cluster-sm small" data-testid="chart-legend">
        <span className="cluster cluster-sm">
          <span aria-hidden="true" style={{ display: 'inline-block', width: '0.9rem', height: kind === 'bars' ? '0.7rem' : '0.2rem', background: 'var(--accent)', borderRadius: 2 }} />
          {label}
        </span>
        {reference !== undefined && (
          <span className="cluster cluster-sm">
            <span aria-hidden="true" style={{ display: 'inline-block', width: '0.9rem', borderTop: '2px dashed var(--warning)' }} />
            {referenceLabel} {value(reference)}
          </span>
        )}
      </div>
      <div
        ref={box}
        className="chart"
        role="img"
        tabIndex={0}
        aria-label={`${description}. ${summary} Use the left and right arrow keys to read each point.`}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
        style={{ minHeight: height + 40 }}
      />
      <p className="small num" aria-live="polite" data-testid="chart-readout" style={{ margin: 0, minHeight: '1.4em' }}>
        {readout}
      </p>
    </div>
  );
}
