/**
 * Whether a database error is a unique or primary key violation: PostgreSQL's SQLSTATE 23505,
 * SQLite's (better-sqlite3) `SQLITE_CONSTRAINT_UNIQUE` and `_PRIMARYKEY`.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
