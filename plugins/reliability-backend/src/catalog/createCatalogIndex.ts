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
  const catalogIndex = new CatalogIndex(options);
  let loaded = false;

  // Until the catalog has answered with entities once: read it again until its entity count
  // settles. A first read with entities returns at once (a replica restarting against a loaded
  // catalog); an empty or failed one is retried, the last failure thrown.
  const readUntilSettled = async (signal: AbortSignal) => {
    let previousSize = 0;
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      if (round > 0) await sleep(SETTLE_INTERVAL_MS, undefined, { signal });
      const snapshot = await catalogIndex.refresh().catch(error => {
        if (round === SETTLE_ROUNDS - 1) throw error;
        return undefined;
      });
      const size = snapshot?.size ?? 0;
      if (snapshot && size > 0 && (round === 0 || size === previousSize)) {
        loaded = true;
        return snapshot;
      }
      previousSize = size;
    }
    return catalogIndex.current();
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
          const snapshot = loaded
            ? await catalogIndex.refresh()
            : await readUntilSettled(signal);
          logger.debug(`Indexed ${snapshot.size} catalog entities`);
        },
      },
    ],
  };
}
