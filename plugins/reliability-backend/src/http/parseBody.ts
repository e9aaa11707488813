import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Parses a request body with `schema`, or answers 400 naming each bad field. */
export function parseBody<T extends z.ZodTypeAny>(
  schema: T,
  body: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(issue =>
          issue.path.length > 0
            ? `${issue.path.join('.')}: ${issue.message}`
            : issue.message,
        )
        .join('; '),
    );
  }
  return parsed.data;
}
