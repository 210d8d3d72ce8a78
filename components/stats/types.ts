/** Figures the /stats page charts; built on the server from the store's numbers. */
export interface ChartSeries {
  /** Category labels on the x axis (YYYY-MM-DD dates or week starts). */
  dates: string[];
  values: Array<number | null>;
}

export interface StatsCharts {
  reviewsPerDay: ChartSeries;
  /** True retention (share of review-state cards recalled), 0..1, per week. */
  retention: ChartSeries;
  /** Cards falling due on each of the next 30 days. */
  forecast: ChartSeries;
  /** Desired retention from settings, drawn as a reference line on the retention chart. */
  target: number;
}
