import { HumanDuration } from '@backstage/types';
import {
  DependencyObserver,
  ObservedPair,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { PrometheusClient } from './PrometheusClient';

export const DEFAULT_SERVICE_GRAPH_QUERY =
  'sum by (client, server) (increase(traces_service_graph_request_total[1h])) > 0';

/**
 * Dependencies from a service graph in Prometheus: every series of the query names a client
 * and a server (Tempo's and the OpenTelemetry collector's `traces_service_graph_request_total`
 * by default; Istio's `istio_requests_total` with `source_workload`/`destination_workload`).
 */
export class PrometheusServiceGraphObserver implements DependencyObserver {
  readonly id = 'prometheus-service-graph';
  readonly detail: string;

  constructor(
    private readonly client: PrometheusClient,
    private readonly options: {
      query: string;
      frequency: HumanDuration;
      clientLabel: string;
      serverLabel: string;
    },
  ) {
    // The source's name first: pages show it, with the query on hover.
    this.detail = `Prometheus service graph: ${options.query}`;
  }

  get frequency(): HumanDuration {
    return this.options.frequency;
  }

  async observe(signal?: AbortSignal): Promise<ObservedPair[]> {
    const samples = await this.client.query(
      this.options.query,
      new Date(),
      signal,
    );
    const pairs = new Map<string, ObservedPair>();
    for (const { metric } of samples) {
      const client = metric[this.options.clientLabel];
      const server = metric[this.options.serverLabel];
      if (client && server && client !== server) {
        pairs.set(`${client}\u0000${server}`, { client, server });
      }
    }
    return [...pairs.values()].sort(
      (a, b) =>
        a.client.localeCompare(b.client) || a.server.localeCompare(b.server),
    );
  }
}
