import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { Capability } from '../capability';
import { readOptionalDuration } from '../config/readOptionalDuration';
import { CatalogIndex } from './CatalogIndex';

// A backend that starts before its catalog has loaded (the catalog processes its locations as
// the backend comes up) finds it empty: it reads the catalog again this often until the entity
// count settles, for at most this many rounds, rather than wait a whole refresh period with an
// empty or half-filled index.
const SETTLE_INTERVAL_MS = 5_000;
const SETTLE_ROUNDS = 12;

export const CATALOG_INDEX_TASK = 'reliability-catalog-index';

/**
 * The catalog index every capability reads, refreshed by one local task per replica
 * (`reliability.catalog.refreshFrequency`).
 */
export function createCatalogIndex(options: {
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): Capability & { catalogIndex: CatalogIndex } {
  const { config, logger } = options;
  if (config.has('reliability.escalation.refreshFrequency')) {
    logger.warn(
      'reliability.escalation.refreshFrequency is no longer read: one catalog index serves every capability, refreshed every reliability.catalog.refreshFrequency',
    );
  }
  const catalogIndex = new CatalogIndex(options);
  let firstRun = true;

  // The first run reads the catalog again until its entity count settles: a first read with
  // entities returns at once (a replica restarting against a loaded catalog); an empty or
  // failed one is retried, for at most SETTLE_ROUNDS, the last failure thrown. Later runs read
  // it once, an empty catalog included.
  const readUntilSettled = async (signal: AbortSignal) => {
    let previousSize = 0;
    for (let round = 0; round < SETTLE_ROUNDS - 1; round++) {
      const snapshot = await catalogIndex.refresh().catch(() => undefined);
      const size = snapshot?.size ?? 0;
      if (snapshot && size > 0 && (round === 0 || size === previousSize)) {
        return snapshot;
      }
      previousSize = size;
      await sleep(SETTLE_INTERVAL_MS, undefined, { signal });
    }
    return catalogIndex.refresh();
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
        fn: async signal => {
          const settle = firstRun;
          firstRun = false;
          const snapshot = settle
            ? await readUntilSettled(signal)
            : await catalogIndex.refresh();
          logger.debug(`Indexed ${snapshot.size} catalog entities`);
        },
      },
    ],
  };
}
