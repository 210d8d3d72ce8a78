import { z } from 'zod';
import { THEMES } from '@/components/settings/theme';

/** The settings form as the browser posts it (strings), coerced and bounded. */
export const SettingsFormSchema = z.object({
  newPerDay: z.coerce.number({ error: 'Enter a number.' }).int('Use a whole number.').min(0, 'At least 0.').max(500, 'At most 500 a day.'),
  maxReviewsPerDay: z.coerce.number({ error: 'Enter a number.' }).int('Use a whole number.').min(1, 'At least 1.').max(5000, 'At most 5000 a day.'),
  desiredRetention: z.coerce
    .number({ error: 'Enter a percentage.' })
    .min(70, 'Below 70% the schedule gets too sparse to learn.')
    .max(97, 'Above 97% reviews pile up for little gain.')
    .transform((v) => Math.round(v) / 100),
  theme: z.enum(THEMES, { error: 'Pick light, dark or system.' }),
  choiceMode: z.enum(['pick', 'reveal'], { error: 'Pick "Pick the options" or "Recall first".' }).default('pick'),
});
export type SettingsForm = z.infer<typeof SettingsFormSchema>;
