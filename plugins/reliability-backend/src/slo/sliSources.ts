import { RatioIndicator } from '@reliability-suite/backstage-plugin-reliability-common';
import { SliSource } from '@reliability-suite/backstage-plugin-reliability-node';

/** The installed source for an indicator's metric source type. */
export function findSliSource(
  sources: SliSource[],
  indicator: RatioIndicator,
): SliSource | undefined {
  return sources.find(source => source.type === indicator.total.type);
}

export function noSliSourceMessage(indicator: RatioIndicator): string {
  return indicator.total.type === 'Prometheus'
    ? 'No Prometheus is configured to measure this SLO: set reliability.prometheus.baseUrl in app-config.yaml (with the Prometheus module installed in the backend)'
    : `No SLI source for ${indicator.total.type} is installed`;
}
