import { InputError } from '@backstage/errors';
import {
  ISO_TIME_RULE,
  parseIsoDateTime,
  quoteExcerpt,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { z } from 'zod';

/**
 * An ISO-8601 date-time with a zone in a query string, between 2000 and 2100, as a `Date`.
 * Anything else (`1`, `2026-02-30`, a date without a time or zone) is refused, not guessed at.
 */
export const isoTimeQuery = z.string().transform((value, context) => {
  const parsed = parseIsoDateTime(value);
  if (!parsed.value) {
    context.addIssue({
      code: 'custom',
      message: `must be ${ISO_TIME_RULE}, got ${quoteExcerpt(value)}: ${
        parsed.problem
      }`,
    });
    return z.NEVER;
  }
  return parsed.value;
});

/**
 * A whole number in a query string, written as digits only: `0x10`, `1e1`, ` 2 ` and `2.0` are
 * refused rather than read as numbers they happen to parse to.
 */
export const wholeNumberQuery = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a whole number written in digits, such as 10')
  .transform(Number);

/** Parses a query string with `schema`, or answers 400 naming each bad parameter. */
export function parseQuery<T extends z.ZodTypeAny>(
  schema: T,
  query: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(issue => `${issue.path.join('.')}: ${issue.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}
