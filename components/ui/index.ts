/**
 * NetPrep UI kit. Presentational components only: they take plain props, hold no state
 * and work in server and client components alike. Styles live in app/globals.css.
 */
export { Button, ButtonLink, buttonClass, type ButtonVariant, type ButtonSize } from './Button';
export { Card } from './Card';
export { Badge, type BadgeTone } from './Badge';
export { ProgressBar } from './ProgressBar';
export { Kbd } from './Kbd';
export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { Skeleton, PageSkeleton } from './Skeleton';
export { Tabs, type TabItem } from './Tabs';
export { Stat } from './Stat';
export { Table, type TableColumn } from './Table';
export { PageHeader } from './PageHeader';
export { OutdatedNote, type OutdatedInfo } from './OutdatedNote';
export { cx } from './cx';
export * from './icons';
