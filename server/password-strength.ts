import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as enDictionary, translations } from '@zxcvbn-ts/language-en';

/**
 * Password strength (issue 12): zxcvbn-ts estimates how many guesses a password needs, from common
 * passwords, English words, names, keyboard patterns, dates, repeats and sequences, plus the user's own
 * email and name. Score 3 ("safely unguessable: moderate protection from offline slow-hash attacks") is
 * the minimum; below it the form shows zxcvbn's warning and first suggestion next to the password field.
 * Server-side only: the dictionaries are large and stay out of the browser bundle.
 */

export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...enDictionary },
  });
  return factory;
}

/**
 * Why the password is too guessable, as a sentence for the password field, or null when it is strong enough.
 * @param userInputs the user's email, name and the like (a password built from them is weak)
 */
export function passwordWeakness(password: string, userInputs: (string | undefined | null)[] = []): string | null {
  const inputs = userInputs.flatMap((v) => (v ? [v, ...v.split(/[@.\s_-]+/).filter((p) => p.length >= 3)] : []));
  const result = estimator().check(password.slice(0, 100), inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning || 'This password would be easy to guess.';
  const hint = result.feedback.suggestions[0] ?? 'Add another word or two; uncommon words are better.';
  return `${why.replace(/\.?$/, '.')} ${hint.replace(/\.?$/, '.')}`;
}
