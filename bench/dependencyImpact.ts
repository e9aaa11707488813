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
 * Then hub-sized answers, paged (`limit` and `cursor`), on this graph and on a giant-component
 * graph of the same 22,000 entities where most roots reach most of the catalog: the first page's
 * p95 for random and hub roots (1,000 or more dependents), the time to page through whole
 * answers, and the ratio against the per-hop walk of the same roots (bench/lib/impactPaging.ts).
 *
 * Processing 23,000 entities into the catalog takes about ten minutes here, so the first run
 * keeps each graph's catalog SQLite database in bench/.cache (git-ignored) and later runs start
 * the backend on it with catalog processing off.
 *
 * Run: npm run bench:impact
 */
import { MAX_DEPTH, openImpactBackend } from './lib/impactCatalog';
import { walkCatalog } from './lib/catalogWalk';
import { measureCatalogIndexRebuild } from './lib/catalogIndexRebuild';
import {
  COMPONENTS,
  dependencyDataset,
  expectedImpact,
  RESOURCES,
} from './lib/dependencyDataset';
import { measureImpactPaging } from './lib/impactPaging';
import { percentile } from './lib/percentile';
import { seededRandom } from './lib/random';

const ROOTS = 1_000;

type Impact = {
  impacted: Array<{ entityRef: string; depth: number }>;
  truncated: boolean;
};

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
  const { backend, catalog, token, user } = await openImpactBackend(dataset);
  try {
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
    await measureImpactPaging({
      label: 'layered graph',
      baseUrl: backend.baseUrl,
      user,
      catalog,
      dataset,
      maxDepth: MAX_DEPTH,
    });
  } finally {
    await backend.stop();
  }

  const giant = dependencyDataset(new Date(), 'giant-component');
  const second = await openImpactBackend(giant);
  try {
    await measureImpactPaging({
      label: 'giant component',
      baseUrl: second.backend.baseUrl,
      user: second.user,
      catalog: second.catalog,
      dataset: giant,
      maxDepth: MAX_DEPTH,
    });
  } finally {
    await second.backend.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
