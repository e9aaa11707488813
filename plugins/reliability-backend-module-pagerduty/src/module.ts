import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { onCallProvidersExtensionPoint } from '@reliability-suite/backstage-plugin-reliability-node';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

/**
 * PagerDuty as the on-call source of entities annotated `pagerduty.com/service-id`, with the
 * REST API key at `reliability.escalation.pagerduty.token`. Without a key the module adds
 * nothing.
 */
export const reliabilityModulePagerDuty = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'pagerduty',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        providers: onCallProvidersExtensionPoint,
      },
      async init({ config, logger, providers }) {
        const pagerduty = config.getOptionalConfig(
          'reliability.escalation.pagerduty',
        );
        const token = pagerduty?.getOptionalString('token');
        if (!pagerduty || !token) {
          logger.info(
            'reliability.escalation.pagerduty.token is not set; PagerDuty is not asked',
          );
          return;
        }
        const cacheTtlMs = pagerduty.has('cacheTtl')
          ? durationToMilliseconds(
              readDurationFromConfig(pagerduty, { key: 'cacheTtl' }),
            )
          : 60_000;
        providers.addOnCallProvider(
          new PagerDutyOnCallProvider(
            new PagerDutyClient({
              token,
              baseUrl: pagerduty.getOptionalString('baseUrl'),
            }),
            cacheTtlMs,
          ),
        );
      },
    });
  },
});
