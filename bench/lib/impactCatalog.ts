/**
 * The impact benchmark's catalogs (20,000 components, 2,000 resources, declared and observed
 * edges; one per dataset shape) in the real catalog backend, shared by the benchmarks that
 * measure on them.
 */
import { CatalogApi, CatalogClient } from '@backstage/catalog-client';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import {
  BackendProcess,
  startBackendProcess,
} from '../../scripts/lib/backendProcess';
import { DatasetShape, DependencyDataset } from './dependencyDataset';

// Raise when the generator changes: the cached catalog is rebuilt.
const DATASET_VERSION = 1;
/** How deep impact goes in the benchmarks' backend. */
export const MAX_DEPTH = 20;
const OBSERVATION_BATCH = 10_000;

const repoRoot = resolve(__dirname, '../..');
const logDir = join(repoRoot, 'bench/.cache/logs');

const cacheDirOf = (shape: DatasetShape) =>
  join(
    repoRoot,
    shape === 'layered'
      ? 'bench/.cache/dependency-impact'
      : `bench/.cache/dependency-impact-${shape}`,
  );
const stampFileOf = (shape: DatasetShape) =>
  join(cacheDirOf(shape), 'dataset.json');

async function startImpactBackend(options: {
  shape: DatasetShape;
  token: string;
  processing: boolean;
  logName: string;
}): Promise<BackendProcess> {
  const cacheDir = cacheDirOf(options.shape);
  return startBackendProcess({
    repoRoot,
    configFile: join(cacheDir, `app-config.${options.logName}.yaml`),
    sqliteDirectory: join(cacheDir, 'sqlite'),
    config: {
      backend: {
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: options.token, subject: 'impact-benchmark' },
            },
          ],
        },
      },
      // The demo's incidents name the demo's entities, which this catalog lacks.
      demo: { incidentsFile: '', drillsFile: '' },
      catalog: {
        // Replaces the demo's locations: the benchmark's catalog only.
        locations: [
          {
            type: 'file',
            target: join(cacheDir, 'catalog.yaml'),
            rules: [
              {
                allow: [
                  'Component',
                  'Resource',
                  'Group',
                  'User',
                  'EscalationPolicy',
                ],
              },
            ],
          },
        ],
        // Processed once; while measuring, the catalog only serves what it has.
        processingInterval: options.processing ? { hours: 24 } : false,
      },
      // Guest sign-in gives the benchmark a user token on this local, production-mode backend.
      auth: {
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
      reliability: {
        // Each rebuild reads the whole catalog from the same process (its build time is
        // printed on its own); every minute, it would land in one run's measurements and not
        // another's.
        dependencies: {
          maxDepth: MAX_DEPTH,
          maxResults: 100_000,
          refreshFrequency: { minutes: 30 },
        },
        catalog: { refreshFrequency: { minutes: 30 } },
      },
    },
    logFile: join(logDir, `${options.shape}-${options.logName}.log`),
    production: true,
  });
}

export function catalogClient(baseUrl: string): CatalogApi {
  return new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/catalog` },
  });
}

/**
 * A signed-in user's token (the demo's guest sign-in): impact and the catalog walk run as a
 * user, through the permission policy, as from the entity page.
 */
export async function userToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in: ${res.status}`);
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/** How many declared edges the catalog shows as `dependsOn` and as `dependencyOf` relations. */
export async function countDeclaredRelations(
  catalog: CatalogApi,
  token: string,
) {
  let dependsOn = 0;
  let dependencyOf = 0;
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: 1000 }
        : {
            filter: { kind: ['component', 'resource'] },
            fields: ['relations'],
            limit: 1000,
          },
      { token },
    );
    for (const entity of page.items) {
      for (const relation of entity.relations ?? []) {
        if (relation.type === 'dependsOn') dependsOn++;
        if (relation.type === 'dependencyOf') dependencyOf++;
      }
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return { dependsOn, dependencyOf };
}

/** Builds the cached catalog: writes the entities, lets the catalog process them all, stops. */
async function buildCatalog(dataset: DependencyDataset, token: string) {
  const cacheDir = cacheDirOf(dataset.shape);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(
    join(cacheDir, 'catalog.yaml'),
    dataset.entities.map(entity => stringify(entity)).join('---\n'),
  );
  const started = Date.now();
  console.log(
    `Building the catalog (${dataset.entities.length} entities) in ${cacheDir}; this takes minutes, once.`,
  );
  const backend = await startImpactBackend({
    shape: dataset.shape,
    token,
    processing: true,
    logName: 'catalog-build',
  });
  try {
    const catalog = catalogClient(backend.baseUrl);
    for (;;) {
      const counts = await countDeclaredRelations(catalog, token);
      console.log(
        `  ${Math.round((Date.now() - started) / 1000)} s: ${
          counts.dependsOn
        } dependsOn and ${counts.dependencyOf} dependencyOf relations of ${
          dataset.declared.length
        }`,
      );
      if (
        counts.dependsOn === dataset.declared.length &&
        counts.dependencyOf === dataset.declared.length
      ) {
        break;
      }
      await new Promise(done => setTimeout(done, 30_000));
    }
  } finally {
    await backend.stop();
  }
  writeFileSync(
    stampFileOf(dataset.shape),
    JSON.stringify({ version: DATASET_VERSION }),
  );
  console.log(
    `Catalog built in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

function cachedVersion(shape: DatasetShape): number | undefined {
  const stampFile = stampFileOf(shape);
  if (!existsSync(stampFile)) return undefined;
  return JSON.parse(readFileSync(stampFile, 'utf8')).version;
}

async function postObservations(
  baseUrl: string,
  token: string,
  dataset: DependencyDataset,
) {
  for (let i = 0; i < dataset.observed.length; i += OBSERVATION_BATCH) {
    const res = await fetch(`${baseUrl}/api/reliability/observations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        edges: dataset.observed.slice(i, i + OBSERVATION_BATCH),
      }),
    });
    if (!res.ok) {
      throw new Error(`observations: ${res.status} ${await res.text()}`);
    }
  }
}

/** The impact benchmark's backend, measuring, with its observations recorded. */
export type ImpactBackend = {
  backend: BackendProcess;
  catalog: CatalogApi;
  /** The static token automation uses. */
  token: string;
  /** A signed-in user's token. */
  user: string;
};

/**
 * Starts the backend on the impact benchmark's catalog (built into bench/.cache once, which
 * takes minutes), checks it holds the dataset's declared edges, records its observed edges,
 * and signs a user in. The caller stops `backend`.
 */
export async function openImpactBackend(
  dataset: DependencyDataset,
): Promise<ImpactBackend> {
  const token = randomBytes(24).toString('base64url');
  const cacheDir = cacheDirOf(dataset.shape);
  if (cachedVersion(dataset.shape) !== DATASET_VERSION) {
    await buildCatalog(dataset, token);
  }
  // Only the catalog is kept between runs: each starts the suite's own store empty, so what one
  // benchmark wrote (incidents and their evidence edges) never changes another's answers.
  rmSync(join(cacheDir, 'sqlite', 'reliability.sqlite'), { force: true });
  const backend = await startImpactBackend({
    shape: dataset.shape,
    token,
    processing: false,
    logName: 'measure',
  });
  try {
    const catalog = catalogClient(backend.baseUrl);
    const counts = await countDeclaredRelations(catalog, token);
    if (counts.dependencyOf !== dataset.declared.length) {
      throw new Error(
        `The cached catalog has ${counts.dependencyOf} dependencyOf relations, not ${dataset.declared.length}: delete ${cacheDir}`,
      );
    }
    await postObservations(backend.baseUrl, token, dataset);
    return { backend, catalog, token, user: await userToken(backend.baseUrl) };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}
