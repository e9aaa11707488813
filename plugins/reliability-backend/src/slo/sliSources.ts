import {
  PROMETHEUS_METRIC_SOURCE,
  RatioIndicator,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { SliSource } from '@reliability-suite/backstage-plugin-reliability-node';

/** The installed source for an indicator's metric source type. */
export function findSliSource(
  sources: SliSource[],
  indicator: RatioIndicator,
): SliSource | undefined {
  return sources.find(source => source.type === indicator.total.type);
}

/** Why an indicator cannot be measured when no installed source handles its type. */
export function noSliSourceMessage(indicator: RatioIndicator): string {
  const type = indicator.total.type;
  return type === PROMETHEUS_METRIC_SOURCE
    ? 'No Prometheus is configured to measure this SLO (metricSource.type Prometheus): set reliability.prometheus.baseUrl in app-config.yaml, with the Prometheus module (@reliability-suite/backstage-plugin-reliability-backend-module-prometheus) installed in the backend'
    : `No SLI source for metricSource.type ${type} is installed: add a backend module that provides one through sliSourcesExtensionPoint (@reliability-suite/backstage-plugin-reliability-node)`;
}
