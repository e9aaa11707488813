import { InputError } from '@backstage/errors';
import express from 'express';

const EXCERPT = 200;

/**
 * Parses a JSON body of at most `limit`; a body that is not JSON answers 400 with a short
 * excerpt of the parser's complaint, never the body itself (a 2 MB body is not echoed back).
 */
export function jsonBody(limit: string): express.RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) =>
    parse(req, res, (error?: any) => {
      if (error?.type === 'entity.parse.failed') {
        const message = String(error.message ?? '');
        next(
          new InputError(
            `The body is not valid JSON: ${
              message.length > EXCERPT
                ? `${message.slice(0, EXCERPT)}…`
                : message
            }`,
          ),
        );
        return;
      }
      next(error);
    });
}
