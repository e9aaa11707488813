/**
 * Impact ("blast radius") on 20,000 components and 2,000 resources with about 100,000 declared
 * and observed edges, heavy-tailed, in the real catalog backend (the project's backend process
 * on SQLite with its allow-all permission policy; automation calls with a static
 * external-access token, impact and the catalog walk run as a signed-in user).
 *
 * Prints: the dependency index's build time and memory; impact latency p50/p95 over HTTP for
 * 1,000 random roots; and, for the same roots, the index against walking the catalog one level
 * at a time (`getEntitiesByRefs` per hop, as catalog-graph does), after checking that both
 * return the same entities at the same depths as a breadth-first search over the generated
 * edges (no cap: `maxResults` is raised above the graph's size).
 *
 * Processing 23,000 entities into the catalog takes about ten minutes here, so the first run
 * keeps the catalog's SQLite database in bench/.cache/dependency-impact (git-ignored) and later
 * runs start the backend on it with catalog processing off.
 *
 * Run: npm run bench:impact
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
} from '../scripts/lib/backendProcess';
import { measureCatalogIndexRebuild } from './lib/catalogIndexRebuild';
import { walkCatalog } from './lib/catalogWalk';
import {
  COMPONENTS,
  DependencyDataset,
  dependencyDataset,
  expectedImpact,
  RESOURCES,
} from './lib/dependencyDataset';
import { percentile } from './lib/percentile';
import { seededRandom } from './lib/random';

// Raise when the generator changes: the cached catalog is rebuilt.
const DATASET_VERSION = 1;
const ROOTS = 1_000;
const MAX_DEPTH = 20;
const OBSERVATION_BATCH = 10_000;

const repoRoot = resolve(__dirname, '..');
const cacheDir = join(repoRoot, 'bench/.cache/dependency-impact');
const stampFile = join(cacheDir, 'dataset.json');
const logDir = join(repoRoot, 'bench/.cache/logs');

type Impact = {
  impacted: Array<{ entityRef: string; depth: number }>;
  truncated: boolean;
};

async function startBackend(options: {
  token: string;
  processing: boolean;
  logName: string;
}): Promise<BackendProcess> {
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
    logFile: join(logDir, `${options.logName}.log`),
    production: true,
  });
}

function catalogClient(baseUrl: string): CatalogApi {
  return new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/catalog` },
  });
}

/**
 * A signed-in user's token (the demo's guest sign-in): impact and the catalog walk run as a
 * user, through the permission policy, as from the entity page.
 */
async function userToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in: ${res.status}`);
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/** How many declared edges the catalog shows as `dependsOn` and as `dependencyOf` relations. */
async function countDeclaredRelations(catalog: CatalogApi, token: string) {
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
  const backend = await startBackend({
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
  writeFileSync(stampFile, JSON.stringify({ version: DATASET_VERSION }));
  console.log(
    `Catalog built in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

function cachedVersion(): number | undefined {
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

function sameDepths(
  actual: Map<string, number>,
  expected: Map<string, number>,
): string | undefined {
  if (actual.size !== expected.size) {
    return `${actual.size} entities instead of ${expected.size}`;
  }
  for (const [ref, depth] of expected) {
    if (actual.get(ref) !== depth) {
      return `${ref} at depth ${actual.get(ref)} instead of ${depth}`;
    }
  }
  return undefined;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const dataset = dependencyDataset(new Date());
  const token = randomBytes(24).toString('base64url');
  if (cachedVersion() !== DATASET_VERSION) {
    await buildCatalog(dataset, token);
  }

  const backend = await startBackend({
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
    const user = await userToken(backend.baseUrl);

    const distinctEdges = new Set([
      ...dataset.declared.map(
        ([s, t]) => `${dataset.nodes[s]}>${dataset.nodes[t]}`,
      ),
      ...dataset.observed.map(o => `${o.source}>${o.target}`),
    ]).size;
    const rebuild = await measureCatalogIndexRebuild({
      catalog,
      token,
      observations: dataset.observed.map(o => ({
        source: o.source,
        target: o.target,
        evidence: o.evidence,
        detail: o.detail,
        firstSeen: o.observedAt,
        lastSeen: o.observedAt,
        count: 1,
      })),
    });
    console.log(
      `${COMPONENTS} components, ${RESOURCES} resources; ${dataset.declared.length} declared and ${dataset.observed.length} observed edges (${distinctEdges} distinct)`,
    );
    console.log(
      `rebuild of a replica's catalog index and dependency graph (${
        rebuild.entities
      } entities, ${
        rebuild.nodes
      } graph nodes), catalog read in pages over HTTP, median of ${
        rebuild.rounds
      } alternating rounds: before, two pagings (ownership index, then graph) ${ms(
        rebuild.beforeMs,
      )}; now, one paging into the catalog index ${ms(rebuild.afterMs)} (${(
        rebuild.afterMs / rebuild.beforeMs
      ).toFixed(2)}× the time)`,
    );
    console.log(
      `catalog index + graph memory: ${(
        rebuild.retainedBytes /
        2 ** 20
      ).toFixed(1)} MB retained heap (budget 200 MB: ${
        rebuild.retainedBytes <= 200 * 2 ** 20 ? 'met' : 'MISSED'
      })`,
    );

    const impact = async (
      root: string,
      include: string,
      direction = 'downstream',
    ): Promise<{ body: Impact; ms: number }> => {
      const started = performance.now();
      const res = await fetch(
        `${backend.baseUrl}/api/reliability/impact?${new URLSearchParams({
          entityRef: root,
          direction,
          maxDepth: String(MAX_DEPTH),
          include,
        })}`,
        { headers: { authorization: `Bearer ${user}` } },
      );
      if (!res.ok) {
        throw new Error(`impact ${root}: ${res.status} ${await res.text()}`);
      }
      const body = (await res.json()) as Impact;
      return { body, ms: performance.now() - started };
    };
    const depthsOf = (body: Impact) => {
      if (body.truncated) throw new Error('impact truncated');
      return new Map(body.impacted.map(i => [i.entityRef, i.depth]));
    };

    const random = seededRandom(2026);
    const roots = Array.from(
      { length: ROOTS },
      () => dataset.nodes[Math.floor(random() * dataset.nodes.length)],
    );
    const expected = expectedImpact(dataset);
    await impact(roots[0], 'declared,observed'); // the backend's first request builds its index

    const measure = async (
      include: string,
      direction: 'downstream' | 'upstream',
      afterEach?: (root: string) => Promise<void>,
    ) => {
      const latencies: number[] = [];
      const sizes: number[] = [];
      for (const root of roots) {
        const { body, ms: took } = await impact(root, include, direction);
        latencies.push(took);
        sizes.push(body.impacted.length);
        const wrong = sameDepths(
          depthsOf(body),
          expected({
            root,
            direction,
            observed: include.includes('observed'),
            maxDepth: MAX_DEPTH,
          }),
        );
        if (wrong) {
          throw new Error(
            `impact of ${root} (${include}, ${direction}): ${wrong}`,
          );
        }
        await afterEach?.(root);
      }
      console.log(
        `impact over HTTP, ${direction}, include=${include}, ${ROOTS} random roots: p50 ${ms(
          percentile(latencies, 50),
        )}, p95 ${ms(percentile(latencies, 95))}, max ${ms(
          Math.max(...latencies),
        )}; entities per answer p50 ${percentile(sizes, 50)}, p95 ${percentile(
          sizes,
          95,
        )}, max ${Math.max(...sizes)} (budget p95 ≤ 50 ms: ${
          percentile(latencies, 95) <= 50 ? 'met' : 'MISSED'
        })`,
      );
      return { latencies, sizes };
    };
    await measure('declared,observed', 'downstream');
    await measure('declared,observed', 'upstream');
    // Each root is walked right after the index answers it, so that both meet the same
    // background work in the backend.
    const walked: number[] = [];
    const walkRequests: number[] = [];
    const { latencies: indexed, sizes } = await measure(
      'declared',
      'downstream',
      async root => {
        const started = performance.now();
        const depths = await walkCatalog(catalog, user, {
          root,
          direction: 'downstream',
          maxDepth: MAX_DEPTH,
        });
        walked.push(performance.now() - started);
        // One request per level reached, and one more that finds nothing new.
        const deepest = Math.max(0, ...depths.values());
        walkRequests.push(Math.min(deepest + 1, MAX_DEPTH));
        const wrong = sameDepths(
          depths,
          expected({
            root,
            direction: 'downstream',
            observed: false,
            maxDepth: MAX_DEPTH,
          }),
        );
        if (wrong) throw new Error(`catalog walk from ${root}: ${wrong}`);
      },
    );
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    console.log(
      `catalog walk (getEntitiesByRefs per hop), downstream, declared, same roots and answers: p50 ${ms(
        percentile(walked, 50),
      )}, p95 ${ms(percentile(walked, 95))}, max ${ms(
        Math.max(...walked),
      )}; requests per walk p50 ${percentile(
        walkRequests,
        50,
      )}, p95 ${percentile(walkRequests, 95)}`,
    );

    // What every request pays before any work: HTTP and the user's token, then a 400.
    const floor: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      const res = await fetch(`${backend.baseUrl}/api/reliability/impact`, {
        headers: { authorization: `Bearer ${user}` },
      });
      await res.arrayBuffer();
      if (res.status !== 400) throw new Error(`floor: ${res.status}`);
      floor.push(performance.now() - started);
    }
    console.log(
      `an authenticated request answered 400 before any work: p50 ${ms(
        percentile(floor, 50),
      )}, p95 ${ms(percentile(floor, 95))}`,
    );

    const ratio = sum(walked) / sum(indexed);
    console.log(
      `catalog walk / index: total ${ratio.toFixed(1)}×, p50 ${(
        percentile(walked, 50) / percentile(indexed, 50)
      ).toFixed(1)}×, p95 ${(
        percentile(walked, 95) / percentile(indexed, 95)
      ).toFixed(1)}× (budget ≥ 20×: ${ratio >= 20 ? 'met' : 'MISSED'})`,
    );
    const large = (i: number) => sizes[i] >= 100;
    const ratioOver = (keep: (i: number) => boolean) =>
      (
        sum(walked.filter((_, i) => keep(i))) /
        sum(indexed.filter((_, i) => keep(i)))
      ).toFixed(1);
    console.log(
      `  over the ${
        sizes.filter((_, i) => large(i)).length
      } roots with 100 entities or more: total ${ratioOver(
        large,
      )}×; over the others: total ${ratioOver(i => !large(i))}×`,
    );
  } finally {
    await backend.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
