import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  dependencyObserversExtensionPoint,
  sliSourcesExtensionPoint,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { PrometheusClient } from './PrometheusClient';
import { PrometheusSliSource } from './PrometheusSliSource';
import {
  DEFAULT_SERVICE_GRAPH_QUERY,
  PrometheusServiceGraphObserver,
} from './PrometheusServiceGraphObserver';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Measures the suite's SLIs with Prometheus (or anything serving its HTTP API: Thanos, Mimir,
 * Cortex) at `reliability.prometheus.baseUrl`. Without that key the module adds nothing and
 * SLOs report that no SLI source is configured.
 */
export const reliabilityModulePrometheus = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'prometheus',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sliSources: sliSourcesExtensionPoint,
        observers: dependencyObserversExtensionPoint,
      },
      async init({ config, logger, sliSources, observers }) {
        const prometheus = config.getOptionalConfig('reliability.prometheus');
        const baseUrl = prometheus?.getOptionalString('baseUrl');
        if (!prometheus || !baseUrl) {
          logger.info(
            'reliability.prometheus.baseUrl is not set; SLOs will not be measured',
          );
          return;
        }
        const timeoutMs = prometheus.has('timeout')
          ? durationToMilliseconds(
              readDurationFromConfig(prometheus, { key: 'timeout' }),
            )
          : DEFAULT_TIMEOUT_MS;
        const headers =
          prometheus.getOptional<Record<string, string>>('headers');
        const client = new PrometheusClient({ baseUrl, headers, timeoutMs });
        sliSources.addSliSource(new PrometheusSliSource(client));

        const graph = config.getOptionalConfig(
          'reliability.dependencies.serviceGraph',
        );
        observers.addDependencyObserver(
          new PrometheusServiceGraphObserver(client, {
            query:
              graph?.getOptionalString('query') ?? DEFAULT_SERVICE_GRAPH_QUERY,
            frequency: graph?.has('frequency')
              ? readDurationFromConfig(graph, { key: 'frequency' })
              : { minutes: 5 },
            clientLabel: graph?.getOptionalString('clientLabel') ?? 'client',
            serverLabel: graph?.getOptionalString('serverLabel') ?? 'server',
          }),
        );
      },
    });
  },
});
