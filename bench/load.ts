/**
 * Load: 10, 50 and 100 concurrent clients on loopback, each sending its next request as soon as
 * the last answered, mixing what responders open during an outage (the overview, impact pages,
 * lookup, SLOs, incidents) with a few writes (timeline entries), for a bounded time each, as a
 * signed-in user against the impact benchmark's catalog (22,000 entities) in the real backend.
 *
 * Prints, per concurrency: throughput, p50/p95/p99 and errors, over all requests and per kind;
 * lookup alone at 50 clients; and the backend's resident memory before and after 100,000
 * requests. Printed, not asserted: this machine has two cores, shared with the clients.
 *
 * Run: npm run bench:load [layered | giant-component]
 */
import { readFileSync } from 'node:fs';
import { DatasetShape, dependencyDataset } from './lib/dependencyDataset';
import { openImpactBackend } from './lib/impactCatalog';
import { percentile } from './lib/percentile';
import { seededRandom } from './lib/random';

const SECONDS_PER_LEVEL = 20;
const LEVELS = [10, 50, 100];
const MEMORY_REQUESTS = 100_000;
const INCIDENTS = 20;

type Kind = 'overview' | 'impact' | 'lookup' | 'slos' | 'incidents' | 'write';
// Out of 100 requests.
const MIX: Array<[Kind, number]> = [
  ['overview', 25],
  ['impact', 25],
  ['lookup', 20],
  ['slos', 14],
  ['incidents', 14],
  ['write', 2],
];

const ms = (value: number) => `${value.toFixed(1)} ms`;

function entityPath(ref: string): string {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return `/entities/${kind}/${namespace}/${name}`;
}

/** The backend's resident memory in MB, from /proc. */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function main() {
  const shape = (process.argv[2] ?? 'layered') as DatasetShape;
  const dataset = dependencyDataset(new Date(), shape);
  const { backend, user } = await openImpactBackend(dataset);
  const api = `${backend.baseUrl}/api/reliability`;
  const headers = {
    authorization: `Bearer ${user}`,
    'content-type': 'application/json',
  };
  try {
    const random = seededRandom(99);
    const pick = () =>
      dataset.nodes[Math.floor(random() * dataset.nodes.length)];
    const incidentIds: number[] = [];
    for (let i = 0; i < INCIDENTS; i++) {
      const res = await fetch(`${api}/incidents`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: `Load incident ${i}`,
          severity: 'SEV3',
          status: 'investigating',
          cause: 'unknown',
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          entities: [{ entityRef: pick(), role: 'root-cause' }],
        }),
      });
      if (res.status !== 201) throw new Error(`incident: ${res.status}`);
      incidentIds.push(((await res.json()) as { id: number }).id);
    }

    const requestFor = (kind: Kind): [string, RequestInit] => {
      const root = pick();
      switch (kind) {
        case 'overview':
          return [`${entityPath(root)}/overview`, {}];
        case 'impact':
          return [
            `/impact?${new URLSearchParams({ entityRef: root, limit: '100' })}`,
            {},
          ];
        case 'lookup':
          return [`/lookup?q=svc-${String(Math.floor(random() * 200))}`, {}];
        case 'slos':
          return [`${entityPath(root)}/slos`, {}];
        case 'incidents':
          return random() < 0.5
            ? ['/incidents?status=open&limit=20', {}]
            : [
                `/incidents/${
                  incidentIds[Math.floor(random() * incidentIds.length)]
                }/timeline`,
                {},
              ];
        default:
          return [
            `/incidents/${
              incidentIds[Math.floor(random() * incidentIds.length)]
            }/timeline`,
            {
              method: 'POST',
              body: JSON.stringify({ kind: 'note', text: 'Load note' }),
            },
          ];
      }
    };
    const pickKind = (): Kind => {
      let draw = random() * 100;
      for (const [kind, weight] of MIX) {
        draw -= weight;
        if (draw < 0) return kind;
      }
      return 'overview';
    };

    /** `clients` loops until `seconds` pass or `total` requests were sent. */
    const drive = async (options: {
      clients: number;
      seconds?: number;
      total?: number;
      only?: Kind;
    }) => {
      const latencies = new Map<Kind, number[]>();
      const errors = new Map<string, number>();
      const deadline = performance.now() + (options.seconds ?? 1e9) * 1000;
      let sent = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: options.clients }, async () => {
          while (
            performance.now() < deadline &&
            sent < (options.total ?? Infinity)
          ) {
            sent++;
            const kind = options.only ?? pickKind();
            const [path, init] = requestFor(kind);
            const begin = performance.now();
            try {
              const res = await fetch(`${api}${path}`, { ...init, headers });
              await res.arrayBuffer();
              if (!res.ok) {
                const key = `${kind} ${res.status}`;
                errors.set(key, (errors.get(key) ?? 0) + 1);
                continue;
              }
            } catch (error) {
              const key = `${kind} ${(error as Error).message}`;
              errors.set(key, (errors.get(key) ?? 0) + 1);
              continue;
            }
            const list = latencies.get(kind) ?? [];
            list.push(performance.now() - begin);
            latencies.set(kind, list);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const all = [...latencies.values()].flat();
      return { latencies, all, errors, seconds, sent };
    };
    const describe = (values: number[]) =>
      `p50 ${ms(percentile(values, 50))}, p95 ${ms(
        percentile(values, 95),
      )}, p99 ${ms(percentile(values, 99))}`;

    await drive({ clients: 4, seconds: 5 }); // warm-up
    for (const clients of LEVELS) {
      const result = await drive({ clients, seconds: SECONDS_PER_LEVEL });
      const errorCount = [...result.errors.values()].reduce((a, b) => a + b, 0);
      console.log(
        `${clients} clients, ${result.seconds.toFixed(0)} s: ${(
          result.sent / result.seconds
        ).toFixed(0)} requests/s; ${describe(
          result.all,
        )}; errors ${errorCount}${
          errorCount
            ? ` (${[...result.errors].map(e => e.join(': ')).join(', ')})`
            : ''
        }`,
      );
      for (const [kind] of MIX) {
        const values = result.latencies.get(kind) ?? [];
        if (values.length) {
          console.log(
            `  ${kind}: ${values.length} requests, ${describe(values)}`,
          );
        }
      }
    }
    const lookup = await drive({
      clients: 50,
      seconds: SECONDS_PER_LEVEL,
      only: 'lookup',
    });
    console.log(
      `lookup alone, 50 clients: ${(lookup.sent / lookup.seconds).toFixed(
        0,
      )} requests/s; ${describe(lookup.all)}; errors ${lookup.errors.size}`,
    );

    const rssBefore = residentMb(backend.pid);
    const long = await drive({ clients: 50, total: MEMORY_REQUESTS });
    const rssAfter = residentMb(backend.pid);
    console.log(
      `resident memory before and after ${
        long.sent
      } mixed requests at 50 clients (${long.seconds.toFixed(
        0,
      )} s): ${rssBefore.toFixed(0)} MB → ${rssAfter.toFixed(0)} MB (${(
        ((rssAfter - rssBefore) / rssBefore) *
        100
      ).toFixed(1)}%); errors ${[...long.errors.values()].reduce(
        (a, b) => a + b,
        0,
      )}`,
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
