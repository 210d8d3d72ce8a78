/**
 * Lenient judging of typed answers: case, whitespace, punctuation and Markdown code
 * marks do not matter, so "`docker network ls`", "Docker network ls." and
 * "docker  network ls" all match. Alternatives written "a / b" or "a or b" in the
 * reference are each accepted.
 */

/** Reduce an answer to what matters: letters, digits, and the characters that change a command's meaning. */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`*_"“”‘’']/g, '')
    .replace(/[.,;:!?()[\]{}]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The accepted spellings of a reference answer. */
export function acceptedAnswers(reference: string): string[] {
  const whole = normalizeAnswer(reference);
  const parts = reference
    .split(/\s+\/\s+|\s+or\s+|;\s*/i)
    .map(normalizeAnswer)
    .filter((p) => p.length > 0);
  return [...new Set([whole, ...(parts.length > 1 ? parts : [])])];
}

/** Whether a typed answer matches the reference, leniently. */
export function judgeTyped(given: string, reference: string): boolean {
  const g = normalizeAnswer(given);
  if (!g) return false;
  const accepted = acceptedAnswers(reference);
  if (accepted.includes(g)) return true;
  // Leading articles do not matter ("the ingress network" = "ingress network").
  const strip = (s: string) => s.replace(/^(the|a|an) /, '');
  return accepted.some((a) => strip(a) === strip(g));
}

/** Whether a set of picked choice indexes is exactly the set of correct ones. */
export function judgeChoices(picked: readonly number[], choices: readonly { correct: boolean }[]): boolean {
  const set = new Set(picked);
  return choices.every((c, i) => c.correct === set.has(i));
}
