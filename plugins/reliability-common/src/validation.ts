/**
 * The outcome of checking a definition: the problems found, each a sentence an owner can act
 * on, naming the field it is about. An empty list means the definition is valid.
 */
export type ValidationProblems = string[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * A value as an error message quotes it: JSON, with text cut to `max` characters, so that a
 * 100,000-character field is named, not echoed back.
 */
export function quoteExcerpt(value: unknown, max = 60): string {
  const text =
    typeof value === 'string' && value.length > max
      ? `${value.slice(0, max)}…`
      : value;
  return JSON.stringify(text) ?? String(value);
}
