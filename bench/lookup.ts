/**
 * "Who do I page?" lookup on 20,000 entities: p50/p95 latency of `GET /api/reliability/lookup`
 * over HTTP for 1,000 queries (exact names, prefixes, substrings, owners, tags), against the
 * same answers computed the way a plugin without the catalog index would (a catalog full-text
 * query, then the owner, its policies and its parents fetched per result), in the same run.
 *
 * The catalog is Backstage's in-memory catalog client (InMemoryCatalogClient) holding the
 * synthetic entities: building a 20,000-entity catalog in the real catalog backend takes minutes
 * here. The lookup makes one catalog call per request (the read-permission check), which the
 * real catalog answers in a few milliseconds more.
 *
 * Run: npm run bench:lookup
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import reliabilityBackend from '@reliability-suite/backstage-plugin-reliability-backend';
import { escalationPolicy } from './lib/escalationPolicy';
import { percentile } from './lib/percentile';
import { seededRandom } from './lib/random';

const COMPONENTS = 20_000;
const DEPARTMENTS = 20;
const TEAMS = 200;
const USERS = 1_000;
const QUERIES = 1_000;
const WORDS = [
  'orders',
  'payments',
  'ledger',
  'search',
  'auth',
  'billing',
  'catalog',
  'inventory',
  'shipping',
  'pricing',
];

const random = seededRandom(42);
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

function syntheticCatalog(): Entity[] {
  const entities: Entity[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: `dept-${d}`,
        namespace: 'default',
        title: `Department ${d}`,
      },
      spec: { type: 'department' },
    });
  }
  for (let u = 0; u < USERS; u++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `user-${u}`, namespace: 'default' },
      spec: {
        profile: { displayName: `User ${u}`, email: `user-${u}@example.com` },
      },
    });
  }
  for (let t = 0; t < TEAMS; t++) {
    const members = [t * 5, t * 5 + 1, t * 5 + 2].map(
      u => `user:default/user-${u % USERS}`,
    );
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: `team-${t}`,
        namespace: 'default',
        title: `${WORDS[t % WORDS.length]} team ${t}`,
      },
      spec: { type: 'team', parent: `dept-${t % DEPARTMENTS}` },
      relations: members.map(targetRef => ({ type: 'hasMember', targetRef })),
    });
    // Three teams in four have their own policy; the rest fall back to their department's.
    if (t % 4 !== 3) {
      entities.push(
        withOwnedBy(
          escalationPolicy(
            `team-${t}-oncall`,
            `group:default/team-${t}`,
            members,
          ),
        ),
      );
    }
  }
  for (let d = 0; d < DEPARTMENTS; d++) {
    entities.push(
      withOwnedBy(
        escalationPolicy(`dept-${d}-oncall`, `group:default/dept-${d}`, [
          `user:default/user-${d}`,
        ]),
      ),
    );
  }
  for (let c = 0; c < COMPONENTS; c++) {
    const word = WORDS[c % WORDS.length];
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `${word}-svc-${c}`,
        namespace: 'default',
        title: `${word[0].toUpperCase()}${word.slice(1)} service ${c}`,
        tags: [word, `tier-${c % 3}`],
        annotations:
          c % 5 === 0 ? { 'reliability.io/service-name': `${word}${c}` } : {},
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `team-${c % TEAMS}`,
      },
    });
  }
  return entities;
}

// The in-memory catalog holds entities as given: add the relation the catalog would emit.
function withOwnedBy(policy: Entity): Entity {
  const owner = (policy.spec as { owner: string }).owner;
  return { ...policy, relations: [{ type: 'ownedBy', targetRef: owner }] };
}

function queries(): string[] {
  return Array.from({ length: QUERIES }, (_, i) => {
    const c = Math.floor(random() * COMPONENTS);
    const word = WORDS[c % WORDS.length];
    switch (i % 5) {
      case 0:
        return `${word}-svc-${c}`; // exact name
      case 1:
        return `${word}-svc-${String(c).slice(0, 2)}`; // prefix
      case 2:
        return `svc-${c}`; // substring
      case 3:
        return `team-${c % TEAMS}`; // owner
      default:
        return pick(['tier-1', `${word}${c - (c % 5)}`]); // tag, service name
    }
  });
}

async function main() {
  const entities = syntheticCatalog();
  const catalog = catalogServiceMock({ entities });
  // The in-memory client scans every entity per ref; the real catalog looks refs up by key.
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  catalog.getEntitiesByRefs = async request => ({
    items: request.entityRefs.map(ref => byRef.get(ref)),
  });
  catalog.getEntityByRef = async ref =>
    byRef.get(typeof ref === 'string' ? ref : stringifyEntityRef(ref));
  const credentials = mockCredentials.user();
  const { server } = await startTestBackend({
    features: [
      reliabilityBackend,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    ],
  });
  const baseUrl = `http://localhost:${server.port()}/api/reliability`;
  const headers = { authorization: mockCredentials.user.header() };
  const lookup = async (q: string) => {
    const res = await fetch(
      `${baseUrl}/lookup?${new URLSearchParams({ q, limit: '10' })}`,
      { headers },
    );
    if (!res.ok)
      throw new Error(`lookup ${q}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  let started = Date.now();
  await lookup('orders'); // builds the catalog index
  console.log(
    `${entities.length} entities; first lookup (builds the index): ${
      Date.now() - started
    } ms`,
  );

  const qs = queries();
  const latencies: number[] = [];
  let found = 0;
  for (const q of qs) {
    const t = performance.now();
    const body = await lookup(q);
    latencies.push(performance.now() - t);
    found += body.items.length > 0 ? 1 : 0;
  }

  // The way without an index: a full-text catalog query, then per result its owner, the owner's
  // policies, and the parents' policies when it has none.
  const baselineLatencies: number[] = [];
  for (const q of qs.slice(0, 100)) {
    const t = performance.now();
    const { items } = await catalog.queryEntities(
      {
        fullTextFilter: {
          term: q,
          fields: [
            'metadata.name',
            'metadata.title',
            'metadata.tags',
            'spec.owner',
          ],
        },
        limit: 10,
      },
      { credentials },
    );
    for (const item of items) {
      let owner = `group:default/${(item.spec as any).owner}`;
      for (let depth = 0; depth < 5 && owner; depth++) {
        const group = await catalog.getEntityByRef(owner, { credentials });
        const policies = await catalog.queryEntities(
          {
            filter: { kind: 'EscalationPolicy', 'relations.ownedBy': owner },
            limit: 10,
          },
          { credentials },
        );
        if (policies.items.length > 0 || !group) break;
        owner = (group.spec as any)?.parent
          ? `group:default/${(group.spec as any).parent}`
          : '';
      }
    }
    baselineLatencies.push(performance.now() - t);
  }

  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const baseP50 = percentile(baselineLatencies, 50);
  const baseP95 = percentile(baselineLatencies, 95);
  console.log(
    `lookup over HTTP, ${QUERIES} queries (${found} with results): p50 ${p50.toFixed(
      1,
    )} ms, p95 ${p95.toFixed(1)} ms`,
  );
  console.log(
    `without the index (in-process, 100 queries): p50 ${baseP50.toFixed(
      1,
    )} ms, p95 ${baseP95.toFixed(1)} ms`,
  );
  console.log(`without / with the index, p95: ${(baseP95 / p95).toFixed(1)}×`);
  console.log(`budget (p95 ≤ 100 ms): ${p95 <= 100 ? 'met' : 'MISSED'}`);
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
