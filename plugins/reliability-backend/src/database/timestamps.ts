/**
 * Timestamps come back as `Date` from PostgreSQL and as epoch milliseconds (or text) from
 * SQLite; the API speaks ISO-8601 UTC.
 */
export function toIsoTimestamp(value: Date | string | number): string {
  return new Date(value).toISOString();
}
