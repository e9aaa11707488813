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
