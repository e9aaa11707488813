/**
 * Prometheus as the reliability suite's SLI source.
 *
 * @packageDocumentation
 */

export { reliabilityModulePrometheus as default } from './module';
export { PrometheusClient } from './PrometheusClient';
export { PrometheusSliSource } from './PrometheusSliSource';
