/** The colour theme a learner picks; `system` follows the OS setting. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Cookie that carries the theme so the server renders <html data-theme> without a flash. */
export const THEME_COOKIE = 'netprep-theme';

/** Read a cookie value as a Theme; anything unknown means `system`. */
export function parseTheme(value: string | undefined | null): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
