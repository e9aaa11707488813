import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** An ISO-8601 time in a query string, as a `Date`. */
export const isoTimeQuery = z
  .string()
  .refine(value => !Number.isNaN(Date.parse(value)), {
    message: 'must be an ISO-8601 time such as 2026-11-22T09:00:00Z',
  })
  .transform(value => new Date(value));

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
