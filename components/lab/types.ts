/** The lab page's scenario; server/quiz.ts produces it. */
export type { ScenarioDTO } from '@/server/quiz';
