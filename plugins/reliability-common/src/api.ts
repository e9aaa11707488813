/** The body of `GET /api/reliability/health`. */
export type HealthResponse = { status: 'ok' };
