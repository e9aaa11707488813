/**
 * A real Prometheus (Debian's package) over backfilled counters, for tests, benchmarks and the
 * demo.
 *
 * @packageDocumentation
 */

export * from './counterSeries';
export * from './startPrometheus';
