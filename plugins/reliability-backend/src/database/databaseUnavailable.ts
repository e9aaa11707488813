import { isError, ServiceUnavailableError } from '@backstage/errors';

// Node's socket errors, and PostgreSQL's connection exception (08xxx) and operator intervention
// (57P0x: the server shutting down or starting up) codes.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
]);
// What knex and node-postgres say when a connection cannot be had or was lost.
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'Connection ended unexpectedly',
  'Timeout acquiring a connection',
];

/**
 * A 503 naming the reason, when `error` says the database cannot be reached (a request that
 * finds it away is not a bug to report as 500, and a retry will succeed once it is back);
 * undefined for any other error.
 */
export function databaseUnavailable(
  error: unknown,
): ServiceUnavailableError | undefined {
  for (
    let cause: unknown = error, depth = 0;
    isError(cause) && depth < 5;
    cause = cause.cause, depth++
  ) {
    const code = (cause as { code?: unknown }).code;
    const reason =
      typeof code === 'string' && CONNECTION_CODES.has(code)
        ? code
        : CONNECTION_MESSAGES.find(text => cause.message.includes(text));
    if (reason) {
      return new ServiceUnavailableError(
        `The database is unavailable (${reason}); nothing was changed, try again shortly`,
      );
    }
  }
  return undefined;
}
