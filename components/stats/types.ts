/** The /stats page's figures; the server builds them (server/web/types.ts). */
export type { ChartSeries, StatsCharts } from '@/server/web/types';
