'use client';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartSeries } from './types';

interface ChartProps {
  series: ChartSeries;
  kind: 'bars' | 'line';
  /** Series name in the legend, e.g. "Reviews". */
  label: string;
  /** Accessible name of the chart. */
  description: string;
  /** Format a y value for the axis and legend. */
  format?: 'count' | 'percent';
  /** A horizontal reference value (e.g. desired retention). */
  reference?: number;
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

/** A small uPlot chart that follows the theme and the container width. */
export default function Chart({ series, kind, label, description, format = 'count', reference, height = 220 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | null = null;
    const fmt = (v: number | null) => (v == null ? '–' : format === 'percent' ? `${Math.round(v * 100)}%` : String(Math.round(v)));

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
        legend: { show: true, live: true },
        scales: { x: { time: true }, y: format === 'percent' ? { range: [0, 1] } : { range: (_u, _min, max) => [0, Math.max(4, max * 1.1)] } },
        axes: [
          { ...axis, values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })) },
          { ...axis, size: 44, values: (_u, ticks) => ticks.map((t) => fmt(t)) },
        ],
        series: [
          { label: 'Date', value: (_u, v) => (v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) },
          kind === 'bars'
            ? { label, stroke: accent, fill: accent, width: 0, paths: uPlot.paths.bars!({ size: [0.7, 28], gap: 1 }), points: { show: false }, value: (_u, v) => fmt(v) }
            : { label, stroke: accent, width: 2.5, spanGaps: true, points: { show: true, size: 6, fill: accent }, value: (_u, v) => fmt(v) },
          ...(reference !== undefined ? [{ label: 'Target', stroke: warn, width: 1.5, dash: [6, 4], points: { show: false }, value: (_u: uPlot, v: number | null) => fmt(v) }] : []),
        ],
      };
      plot = new uPlot(opts, data, el!);
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
    };
  }, [series, kind, label, format, reference, height]);

  return <div ref={box} className="chart" role="img" aria-label={description} style={{ minHeight: height + 40 }} />;
}
