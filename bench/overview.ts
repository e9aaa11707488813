/**
 * The Reliability overview (`GET /entities/:kind/:namespace/:name/overview`) against the
 * separate routes it replaces, on the impact benchmark's catalog (20,000 components, 2,000
 * resources, about 100,000 declared and observed edges) in the real backend, as a signed-in
 * user, with open incidents on some entities.
 *
 * Prints, for the same random roots: the overview's latency p50/p95, and the sum of the eight
 * routes the Reliability tab called before (escalation, SLOs, open incidents, runbooks,
 * dependencies, downstream impact, recent incidents, action items), each root's eight requests
 * one after another, as their p50/p95, with the ratio.
 *
 * The catalog is built once into bench/.cache by the impact benchmark's set-up (minutes).
 *
 * Run: npm run bench:overview
 */
import { MAX_DEPTH, openImpactBackend } from './lib/impactCatalog';
import { dependencyDataset } from './lib/dependencyDataset';
import { percentile } from './lib/percentile';
import { seededRandom } from './lib/random';

const ROOTS = 300;
const INCIDENTS = 30;
const BUDGET_P95_MS = 150;

const ms = (value: number) => `${value.toFixed(1)} ms`;

function entityPath(ref: string): string {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return `/entities/${kind}/${namespace}/${name}`;
}

async function main() {
  const dataset = dependencyDataset(new Date());
  const { backend, user } = await openImpactBackend(dataset);
  const api = `${backend.baseUrl}/api/reliability`;
  const get = async (path: string): Promise<number> => {
    const started = performance.now();
    const res = await fetch(`${api}${path}`, {
      headers: { authorization: `Bearer ${user}` },
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return performance.now() - started;
  };
  try {
    const random = seededRandom(2027);
    const pick = () =>
      dataset.nodes[Math.floor(random() * dataset.nodes.length)];
    for (let i = 0; i < INCIDENTS; i++) {
      const res = await fetch(`${api}/incidents`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${user}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          title: `Benchmark incident ${i}`,
          severity: 'SEV2',
          status: 'investigating',
          cause: 'unknown',
          startedAt: new Date(Date.now() - 60_000).toISOString(),
          entities: [
            { entityRef: pick(), role: 'root-cause' },
            { entityRef: pick(), role: 'affected' },
          ],
        }),
      });
      if (!res.ok)
        throw new Error(`incident: ${res.status} ${await res.text()}`);
    }
    const roots = Array.from({ length: ROOTS }, pick);
    // The first requests build the backend's indexes.
    await get(`${entityPath(roots[0])}/overview`);

    const separate = (root: string) => [
      `${entityPath(root)}/escalation`,
      `${entityPath(root)}/slos`,
      `${entityPath(root)}/incidents?status=open&limit=20`,
      `${entityPath(root)}/runbooks`,
      `${entityPath(root)}/dependencies`,
      `/impact?${new URLSearchParams({
        entityRef: root,
        direction: 'downstream',
        maxDepth: String(MAX_DEPTH),
      })}`,
      `${entityPath(root)}/incidents?limit=5`,
      `${entityPath(root)}/action-items`,
    ];
    const overview: number[] = [];
    const sums: number[] = [];
    // Alternating per root, so that both meet the same background work.
    for (const root of roots) {
      overview.push(await get(`${entityPath(root)}/overview`));
      let sum = 0;
      for (const path of separate(root)) sum += await get(path);
      sums.push(sum);
    }
    const p95 = percentile(overview, 95);
    console.log(
      `overview over HTTP, ${ROOTS} random roots: p50 ${ms(
        percentile(overview, 50),
      )}, p95 ${ms(p95)}, max ${ms(
        Math.max(...overview),
      )} (budget p95 ≤ ${BUDGET_P95_MS} ms: ${
        p95 <= BUDGET_P95_MS ? 'met' : 'MISSED'
      })`,
    );
    console.log(
      `the 8 separate routes it replaces, summed per root: p50 ${ms(
        percentile(sums, 50),
      )}, p95 ${ms(percentile(sums, 95))}`,
    );
    console.log(
      `overview / separate routes: p50 ${(
        percentile(overview, 50) / percentile(sums, 50)
      ).toFixed(2)}×, p95 ${(p95 / percentile(sums, 95)).toFixed(2)}×`,
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
