'use client';
import { useActionState, useEffect, useId, useRef } from 'react';
import { THEMES, type Theme } from './theme';

export interface SettingsValues {
  newPerDay: number;
  maxReviewsPerDay: number;
  /** 0..1 */
  desiredRetention: number;
  theme: Theme;
  /** Choice questions as flashcards: pick the options (machine-graded) or recall, options on the back. */
  choiceMode: 'pick' | 'reveal';
}

type FieldErrors = Partial<Record<keyof SettingsValues, string[]>>;
export type SettingsFormState =
  | { status: 'idle' }
  | { status: 'saved'; message: string }
  | { status: 'error'; message: string; fieldErrors: FieldErrors };

interface Props {
  values: SettingsValues;
  action: (state: SettingsFormState, form: FormData) => Promise<SettingsFormState>;
  /** Guests can only change the theme (kept in a cookie). */
  signedIn: boolean;
}

const THEME_LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };


function NumberField({ name, label, hint, value, errors, suffix, min, max, step, disabled }: {
  name: keyof SettingsValues; label: string; hint: string; value: number; errors?: string[]; suffix?: string;
  min: number; max: number; step?: number; disabled?: boolean;
}) {
  const id = useId();
  const invalid = !!errors?.length;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{label}</label>
      <span className="field__hint" id={`${id}-hint`}>{hint}</span>
      <span className="cluster cluster-sm">
        <input
          id={id} name={name} className="input num" type="number" inputMode="numeric" defaultValue={value}
          min={min} max={max} step={step ?? 1} style={{ maxWidth: '8rem' }} disabled={disabled}
          aria-invalid={invalid || undefined} aria-describedby={`${id}-hint${invalid ? ` ${id}-err` : ''}`}
        />
        {suffix && <span className="muted">{suffix}</span>}
      </span>
      {invalid && <span className="field__error" id={`${id}-err`}>{errors!.join(' ')}</span>}
    </div>
  );
}

/** Daily limits, desired retention and theme, saved by a server action with field-level errors. */
export function SettingsForm({ values, action, signedIn }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as SettingsFormState);
  const errors: FieldErrors = state.status === 'error' ? state.fieldErrors : {};
  const chosenTheme = useRef(values.theme);
  const shownTheme = useRef(values.theme);
  useEffect(() => {
    // A new theme is applied by a full reload: the server renders <html data-theme> from the
    // cookie. (Flipping the attribute live leaves some inherited colours stale in Chromium.)
    if (state.status === 'saved' && chosenTheme.current !== shownTheme.current) window.location.reload();
  }, [state]);
  return (
    <form action={formAction} className="stack stack-lg" noValidate>
      <fieldset className="stack" disabled={!signedIn} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="visually-hidden">Study limits</legend>
        <NumberField name="newPerDay" label="New cards per day" hint="How many unseen cards to introduce each day." value={values.newPerDay} errors={errors.newPerDay} min={0} max={500} suffix="cards" />
        <NumberField name="maxReviewsPerDay" label="Maximum reviews per day" hint="A ceiling for busy days; overdue cards wait until tomorrow." value={values.maxReviewsPerDay} errors={errors.maxReviewsPerDay} min={1} max={5000} suffix="reviews" />
        <NumberField name="desiredRetention" label="Desired retention" hint="The chance of remembering a card when it comes due. 90% is a good default; higher means more reviews." value={Math.round(values.desiredRetention * 100)} errors={errors.desiredRetention} min={70} max={97} suffix="%" />
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field__label">Choice questions as flashcards</legend>
          <label className="cluster cluster-sm small">
            <input type="radio" name="choiceMode" value="pick" defaultChecked={values.choiceMode === 'pick'} />
            <span><strong>Pick the options</strong> (default): answer on the front, the app checks it and suggests the grade.</span>
          </label>
          <label className="cluster cluster-sm small">
            <input type="radio" name="choiceMode" value="reveal" defaultChecked={values.choiceMode === 'reveal'} />
            <span><strong>Recall first</strong>: only the question on the front, the options with the key on the back.</span>
          </label>
          {errors.choiceMode && <span className="field__error">{errors.choiceMode.join(' ')}</span>}
        </fieldset>
      </fieldset>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field__label">Theme</legend>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEMES.map((t) => (
            <label key={t}>
              <input type="radio" name="theme" value={t} defaultChecked={values.theme === t} onChange={() => (chosenTheme.current = t)} />
              {THEME_LABEL[t]}
            </label>
          ))}
        </div>
        {errors.theme && <span className="field__error">{errors.theme.join(' ')}</span>}
      </fieldset>
      <div className="cluster">
        <button type="submit" className="btn btn--primary" disabled={pending}>{pending ? 'Saving…' : 'Save settings'}</button>
        <span role="status" aria-live="polite" className={state.status === 'error' ? 'field__error' : 'muted small'}>
          {state.status === 'saved' ? state.message : state.status === 'error' ? state.message : ''}
        </span>
      </div>
    </form>
  );
}
