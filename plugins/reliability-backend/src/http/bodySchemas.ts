import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { quoteExcerpt } from '@reliability-suite/backstage-plugin-reliability-common';
import { z } from 'zod';

// The parts request bodies are made of, each answering a message that names what is wrong.

/** One of `values`, or a message listing them. */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: issue =>
      issue.input === undefined
        ? 'is required'
        : `must be one of ${values.join(', ')}`,
  });

/** The message for a value of the wrong type, or none at all. */
export const expected = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${what}`;

/** Required text, trimmed, at most `max` characters. */
export const text = (max: number) =>
  z
    .string({ error: expected('text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max.toLocaleString('en-US')} characters`);

/** Optional text: null or blank is null; absent stays absent. */
export const optionalText = (max: number) =>
  z
    .string({ error: expected('text') })
    .max(max, `must be at most ${max.toLocaleString('en-US')} characters`)
    .nullish()
    // Absent stays absent, so that a PATCH leaves the field as it is.
    .transform(value =>
      value === undefined ? undefined : value?.trim() || null,
    );

/** An entity ref of at most `max` characters, written in full (`kind:namespace/name`) once parsed. */
export const entityRef = (max: number, defaultKind?: string) =>
  z
    .string({ error: expected('text') })
    .max(max, `must be at most ${max} characters`)
    .transform((value, context) => {
      try {
        return stringifyEntityRef(
          parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
        );
      } catch {
        context.addIssue({
          code: 'custom',
          message: `must be an entity ref such as ${
            defaultKind
              ? `${defaultKind}:default/name`
              : 'component:default/orders-service'
          }, got ${quoteExcerpt(value)}`,
        });
        return z.NEVER;
      }
    });

/** A URL of at most `max` characters; links are shown as links, so only the web's schemes. */
export const webUrl = (max: number) =>
  z
    .string({ error: expected('text') })
    .max(max, `must be at most ${max.toLocaleString('en-US')} characters`)
    .url('must be a URL')
    .refine(value => /^https?:\/\//i.test(value), 'must be an http(s) URL');
