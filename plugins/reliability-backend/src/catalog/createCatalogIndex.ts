import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Capability } from '../capability';
import { readOptionalDuration } from '../config/readOptionalDuration';
import { triggerTask } from '../util/triggerTask';
import { CatalogIndex } from './CatalogIndex';

// A backend that starts with its catalog (the catalog processes its locations as the backend
// comes up) finds it empty or half loaded: for its first minute it reads the catalog again this
// soon after each read that found it empty, changed or unreachable, rather than wait a whole
// refresh period with an empty or half-filled index.
const SETTLE_INTERVAL_MS = 5_000;
const SETTLE_WINDOW_MS = 60_000;

export const CATALOG_INDEX_TASK = 'reliability-catalog-index';

/**
 * The catalog index every capability reads, refreshed by one local task per replica
 * (`reliability.catalog.refreshFrequency`).
 */
export function createCatalogIndex(options: {
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  scheduler: SchedulerService;
  logger: LoggerService;
}): Capability & { catalogIndex: CatalogIndex } {
  const { config, logger, scheduler } = options;
  if (config.has('reliability.escalation.refreshFrequency')) {
    logger.warn(
      'reliability.escalation.refreshFrequency is no longer read: one catalog index serves every capability, refreshed every reliability.catalog.refreshFrequency',
    );
  }
  const catalogIndex = new CatalogIndex(options);
  const startedAt = Date.now();
  let lastSize: number | undefined;

  const settleSoon = (size: number | undefined) => {
    const unsettled = size === undefined || size === 0 || size !== lastSize;
    lastSize = size;
    if (unsettled && Date.now() - startedAt < SETTLE_WINDOW_MS) {
      // A backend stopping meanwhile refuses the trigger; nothing is lost.
      setTimeout(
        () => triggerTask(scheduler, CATALOG_INDEX_TASK).catch(() => {}),
        SETTLE_INTERVAL_MS,
      ).unref();
    }
  };

  return {
    catalogIndex,
    tasks: [
      {
        id: CATALOG_INDEX_TASK,
        scope: 'local',
        frequency: readOptionalDuration(
          config,
          'reliability.catalog.refreshFrequency',
          { minutes: 1 },
        ),
        timeout: { minutes: 5 },
        fn: async () => {
          let size: number | undefined;
          try {
            size = (await catalogIndex.refresh()).size;
            logger.debug(`Indexed ${size} catalog entities`);
          } finally {
            settleSoon(size);
          }
        },
      },
    ],
  };
}
