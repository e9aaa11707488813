import {
  coreServices,
  createBackendModule,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { z } from 'zod';
import {
  componentEntity,
  groupEntity,
  resourceEntity,
  userEntity,
} from './__testUtils__/catalogEntities';
import { changeRiskQuery } from './changeRisk/routes';
import { impactQuery } from './dependencies/routes';
import {
  escalationQuery,
  lookupQuery,
  scheduleQuery,
} from './escalation/routes';
import {
  incidentInputSchema,
  incidentPatchSchema,
  postmortemSchema,
  timelineEntrySchema,
} from './incidents/incidentSchemas';
import { incidentListQuery, incidentMetricsQuery } from './incidents/routes';
import { reliabilityPlugin } from './plugin';
import { drillInputSchema } from './runbooks/drillSchemas';
import { drillListQuery } from './runbooks/routes';
import { historyQuery } from './slo/routes';

/*
 * Bad input, generated: each route that takes input, from its own schema's fields, gets wrong
 * types, missing and empty values, oversized strings, malformed and unknown refs, bad numbers
 * and dates, and (for bodies) invalid JSON, a wrong content type, a body over the limit, deep
 * nesting and prototype keys. Each must answer 4xx with Backstage's error body naming the
 * problem, write nothing (the plugin's tables are counted before and after), and leave the
 * backend healthy.
 */

jest.setTimeout(180_000);

const RUNBOOK = 'https://runbooks.example.com/orders-failover';
const NOW = Date.now();
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const HOUR = 3_600_000;

const catalog = catalogServiceMock.factory({
  entities: [
    componentEntity('orders-service', {
      owner: 'group:default/team',
      links: [{ url: RUNBOOK, title: 'Failover', type: 'runbook' }],
    }),
    resourceEntity('orders-db'),
    {
      ...groupEntity('team'),
      relations: [{ type: 'hasMember', targetRef: 'user:default/mock' }],
    },
    userEntity('mock', 'Mock User'),
    userEntity('alice', 'Alice Responder'),
  ],
});

/** The plugin's own database, to count its rows before and after. */
let database: DatabaseService | undefined;
const databaseProbe = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'bad-input-probe',
  register(env) {
    env.registerInit({
      deps: { db: coreServices.database },
      async init({ db }) {
        database = db;
      },
    });
  },
});

async function rowCounts(): Promise<Record<string, number>> {
  const knex = await database!.getClient();
  const tables: Array<{ name: string }> = await knex.raw(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ count }] = await knex(name).count({ count: '*' });
    counts[name] = Number(count);
  }
  return counts;
}

/** What a field holds, which decides the bad values tried for it. */
type FieldKind =
  | 'ref'
  | 'userRef'
  | 'groupRef'
  | 'time'
  | 'pastTime'
  | 'count'
  | 'choice'
  | 'text'
  | 'url'
  | 'number'
  | 'list'
  | 'cursor';

type Field = { kind: FieldKind; good: unknown };
const field = (kind: FieldKind, good: unknown): Field => ({ kind, good });

type Case = {
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** The raw query string. */
  query?: string;
  body?: string;
  contentType?: string;
  /** Statuses that are right for this case; 400 unless said. */
  statuses?: number[];
  /** What the error message must name. */
  names?: string;
};

const LONG = 'x'.repeat(100_000);
// A query string longer than Node's 16 KB header limit is refused before Backstage sees it.
const LONG_QUERY = 'x'.repeat(10_000);
const SQL = "x' OR '1'='1'; DROP TABLE incidents;--";
const HTML = '<img src=x onerror=alert(1)>';

/** Bad values for a query-string parameter of `kind`. */
function badQueryValues(kind: FieldKind): string[] {
  switch (kind) {
    case 'count':
      return ['-1', '0x10', '1e1', ' 2 ', '2.0', 'ten', '99999999999', ''];
    case 'time':
      return [
        '1',
        '0',
        '2026-02-30T00:00:00Z',
        '2026-12-01',
        '1999-12-31T23:59:59Z',
        '2100-01-01T00:00:01Z',
        'yesterday',
        '',
      ];
    case 'choice':
      return ['sideways', 'OPEN', SQL, ''];
    case 'ref':
    case 'groupRef':
      return [
        'db',
        ':::',
        `component:default/${'x'.repeat(300)}`,
        `component:default/${SQL}`,
        `component:default/${HTML}`,
        'component:default/nowhere',
        '',
      ];
    case 'cursor':
      return ['not-a-cursor', LONG_QUERY.slice(0, 501), SQL];
    default:
      return ['', LONG_QUERY];
  }
}

/** Bad values for a JSON body field of `kind` whose good value is `good`. */
function badBodyValues(kind: FieldKind, good: unknown): unknown[] {
  const wrongType =
    typeof good === 'string' ? [12345, true, { text: good }] : ['5', {}];
  switch (kind) {
    case 'ref':
    case 'userRef':
    case 'groupRef':
      return [
        ...wrongType,
        '',
        LONG,
        ':::',
        `component:default/${'x'.repeat(300)}`,
        `component:default/${SQL}`,
        `component:default/${HTML}`,
        kind === 'groupRef' ? 'group:default/nowhere' : 'user:default/nowhere',
      ];
    case 'time':
    case 'pastTime':
      return [
        ...wrongType,
        '1',
        '2026-02-30T00:00:00Z',
        '1970-01-01T00:00:00Z',
        '2999-01-01T00:00:00Z',
        'yesterday',
        LONG,
      ];
    case 'choice':
      return [...wrongType, 'bogus', SQL, ''];
    case 'url':
      return [...wrongType, `${'javascript'}:alert(1)`, 'not a url', LONG];
    case 'number':
      return [...wrongType, -1, 1.5, 1e308];
    case 'list':
      return ['x', 7, { 0: good }];
    default:
      return [...wrongType, LONG];
  }
}

/** Whether the schema requires `key`: an absent value fails. */
function isRequired(schema: z.ZodObject<z.ZodRawShape>, key: string) {
  return !(schema.shape[key] as z.ZodTypeAny).safeParse(undefined).success;
}

function queryString(values: Record<string, string>) {
  return new URLSearchParams(values).toString();
}

/** Cases for every field of a query schema, from a good query. */
function queryCases(
  route: { path: string; schema: z.ZodObject<z.ZodRawShape> },
  fields: Record<string, Field>,
): Case[] {
  expect(Object.keys(fields).sort()).toEqual(
    Object.keys(route.schema.shape).sort(),
  );
  const good = Object.fromEntries(
    Object.entries(fields)
      .filter(([, f]) => f.good !== undefined)
      .map(([key, f]) => [key, String(f.good)]),
  );
  const cases: Case[] = [];
  for (const [key, { kind }] of Object.entries(fields)) {
    for (const value of badQueryValues(kind)) {
      // An optional field left empty is the same as absent for some parameters: only required
      // ones are tried empty.
      if (value === '' && !isRequired(route.schema, key)) continue;
      cases.push({
        name: `GET ${route.path} ${key}=${JSON.stringify(value.slice(0, 40))}`,
        method: 'get',
        path: route.path,
        query: queryString({ ...good, [key]: value }),
        names: key,
      });
    }
    cases.push({
      name: `GET ${route.path} with ${key} repeated`,
      method: 'get',
      path: route.path,
      query: `${queryString(good)}&${key}=${encodeURIComponent(
        String(fields[key].good ?? 'x'),
      )}&${key}=${encodeURIComponent(String(fields[key].good ?? 'x'))}`,
      names: key,
    });
    if (isRequired(route.schema, key)) {
      const { [key]: _, ...rest } = good;
      cases.push({
        name: `GET ${route.path} without ${key}`,
        method: 'get',
        path: route.path,
        query: queryString(rest),
        names: key,
      });
    }
  }
  return cases;
}

/** Cases for every field of a body schema, from a good body, and for the body as a whole. */
function bodyCases(route: {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  limitBytes: number;
  /** The fields, as the schema (or the parser) knows them. */
  keys: string[];
  required: (key: string) => boolean;
  fields: Record<string, Field>;
  /** The body around the fields (observations are a batch of edges). */
  wrap?: (fields: Record<string, unknown>) => unknown;
  /** Bad combinations of good fields, by name. */
  combinations?: Record<string, Record<string, unknown>>;
  /** What an unknown entity ref in `key` answers here; 400 unless said. */
  unknownRefStatus?: (key: string) => number;
}): Case[] {
  expect(Object.keys(route.fields).sort()).toEqual([...route.keys].sort());
  const wrap = route.wrap ?? (f => f);
  const good: Record<string, unknown> = Object.fromEntries(
    Object.entries(route.fields)
      .filter(([, f]) => f.good !== undefined)
      .map(([key, f]) => [key, f.good]),
  );
  const label = `${route.method.toUpperCase()} ${route.path}`;
  const cases: Case[] = [];
  const withBody = (name: string, body: unknown, extra: Partial<Case> = {}) =>
    cases.push({
      name: `${label} ${name}`,
      method: route.method,
      path: route.path,
      body: JSON.stringify(wrap(body as Record<string, unknown>)),
      ...extra,
    });
  for (const [key, { kind, good: value }] of Object.entries(route.fields)) {
    for (const bad of badBodyValues(kind, value)) {
      const unknownRef = typeof bad === 'string' && bad.endsWith('/nowhere');
      withBody(
        `${key}=${JSON.stringify(bad).slice(0, 40)}`,
        { ...good, [key]: bad },
        {
          names: key,
          statuses:
            unknownRef && route.unknownRefStatus
              ? [route.unknownRefStatus(key)]
              : undefined,
        },
      );
    }
    if (route.required(key)) {
      const { [key]: _, ...rest } = good;
      withBody(`without ${key}`, rest, { names: key });
      withBody(`with ${key} null`, { ...good, [key]: null }, { names: key });
    }
  }
  for (const [name, fields] of Object.entries(route.combinations ?? {})) {
    withBody(name, { ...good, ...fields });
  }
  const raw = (name: string, body: string, extra: Partial<Case> = {}) =>
    cases.push({
      name: `${label} ${name}`,
      method: route.method,
      path: route.path,
      body,
      ...extra,
    });
  const goodText = JSON.stringify(wrap(good));
  raw('with invalid JSON', goodText.slice(0, -3), { names: 'JSON' });
  raw('with invalid JSON of 2 MB', `{"x": "${'y'.repeat(2_000_000)}`, {
    statuses: [400, 413],
  });
  raw('as text/plain', goodText, {
    contentType: 'text/plain',
    statuses: [400, 415],
  });
  raw(
    'over the body limit',
    JSON.stringify({
      ...(wrap(good) as object),
      pad: 'z'.repeat(route.limitBytes),
    }),
    { statuses: [413] },
  );
  raw(
    'nested 5,000 deep',
    JSON.stringify({ ...good, nested: 0 }).replace(
      '"nested":0',
      `"nested":${'['.repeat(5000)}${']'.repeat(5000)}`,
    ),
  );
  raw(
    'with a __proto__ key',
    `{"__proto__": {"polluted": true}, ${goodText.slice(1)}`,
  );
  raw(
    'with a constructor.prototype key',
    `{"constructor": {"prototype": {"polluted": true}}, ${goodText.slice(1)}`,
  );
  raw('as a list', JSON.stringify([wrap(good)]));
  raw('as null', 'null');
  return cases;
}

/** Cases for each path parameter of a route. */
function pathCases(method: Case['method'], pattern: string): Case[] {
  const cases: Case[] = [];
  const params = pattern.match(/:\w+/g) ?? [];
  const goodParam: Record<string, string> = {
    ':kind': 'component',
    ':namespace': 'default',
    ':name': 'orders-service',
    ':id': '1',
  };
  const badParam: Record<string, string[]> = {
    ':id': ['-1', '0x10', '1e3', 'abc', '99999999999999999999', '%00', '..'],
  };
  const badEntityPart = [
    '..',
    '%00',
    '%2e%2e%2f%2e%2e',
    'x'.repeat(300),
    encodeURIComponent(HTML),
    encodeURIComponent(SQL),
  ];
  for (const param of params) {
    for (const bad of badParam[param] ?? badEntityPart) {
      const path = params.reduce(
        (p, other) =>
          p.replace(other, other === param ? bad : goodParam[other]),
        pattern,
      );
      cases.push({
        name: `${method.toUpperCase()} ${pattern} with ${param}=${bad.slice(
          0,
          30,
        )}`,
        method,
        path,
        body: method === 'get' ? undefined : '{}',
        // A path names a resource: one that cannot exist is 404, a malformed id 400.
        statuses: [400, 404],
      });
    }
  }
  return cases;
}

const settings = { maxDepth: 5, maxResults: 10_000 };
const ENTITY = '/entities/:kind/:namespace/:name';

const goodIncident = {
  title: 'Orders failing',
  severity: 'SEV2',
  status: 'investigating',
  cause: 'unknown',
  startedAt: iso(-2 * HOUR),
  detectedAt: iso(-HOUR),
  declaredAt: iso(-HOUR),
  mitigatedAt: iso(-HOUR / 2),
  resolvedAt: undefined,
  mitigation: 'rollback',
  commander: 'user:default/mock',
  summary: 'Checkout answers 500',
  impact: 'Half of orders fail',
  channel: '#inc-orders',
  entities: [
    { entityRef: 'component:default/orders-service', role: 'root-cause' },
  ],
  externalRefs: [
    { system: 'pagerduty', id: 'P1', url: 'https://pd.example.com/P1' },
  ],
};

function incidentFields(): Record<string, Field> {
  return {
    title: field('text', goodIncident.title),
    severity: field('choice', goodIncident.severity),
    status: field('choice', goodIncident.status),
    cause: field('choice', goodIncident.cause),
    startedAt: field('pastTime', goodIncident.startedAt),
    detectedAt: field('pastTime', goodIncident.detectedAt),
    declaredAt: field('pastTime', goodIncident.declaredAt),
    mitigatedAt: field('pastTime', goodIncident.mitigatedAt),
    resolvedAt: field('pastTime', undefined),
    mitigation: field('choice', goodIncident.mitigation),
    commander: field('userRef', goodIncident.commander),
    summary: field('text', goodIncident.summary),
    impact: field('text', goodIncident.impact),
    channel: field('text', goodIncident.channel),
    entities: field('list', goodIncident.entities),
    externalRefs: field('list', goodIncident.externalRefs),
  };
}

function generatedCases(): Case[] {
  const cases: Case[] = [];
  const q = (
    path: string,
    schema: z.ZodObject<z.ZodRawShape>,
    fields: Record<string, Field>,
  ) => cases.push(...queryCases({ path, schema }, fields));

  const entity = (suffix: string) =>
    `/entities/component/default/orders-service/${suffix}`;
  q('/impact', impactQuery(settings), {
    entityRef: field('ref', 'component:default/orders-service'),
    direction: field('choice', 'upstream'),
    maxDepth: field('count', 2),
    limit: field('count', 10),
    cursor: field('cursor', undefined),
    include: field('text', undefined),
  });
  q('/change-risk', changeRiskQuery, {
    entityRef: field('ref', 'component:default/orders-service'),
  });
  q(entity('escalation'), escalationQuery, { at: field('time', iso(HOUR)) });
  q('/lookup', lookupQuery, {
    q: field('text', 'orders'),
    limit: field('count', 5),
  });
  q('/oncall', scheduleQuery, {
    group: field('groupRef', 'group:default/team'),
    from: field('time', iso(0)),
    to: field('time', iso(24 * HOUR)),
  });
  q('/slos/default/orders-availability/history', historyQuery, {
    from: field('time', iso(-24 * HOUR)),
    to: field('time', iso(0)),
    objective: field('count', 0),
  });
  for (const path of ['/incidents', entity('incidents')]) {
    q(path, incidentListQuery, {
      status: field('choice', 'open'),
      from: field('time', iso(-24 * HOUR)),
      to: field('time', iso(0)),
      limit: field('count', 10),
      cursor: field('cursor', undefined),
    });
  }
  q(entity('incident-metrics'), incidentMetricsQuery, {
    from: field('time', iso(-24 * HOUR)),
    to: field('time', iso(0)),
  });
  q(entity('drills'), drillListQuery, {
    limit: field('count', 10),
    cursor: field('cursor', undefined),
  });

  const zodBody = (
    method: 'post' | 'put' | 'patch',
    path: string,
    schema: z.ZodObject<z.ZodRawShape>,
    limitBytes: number,
    fields: Record<string, Field>,
  ) =>
    cases.push(
      ...bodyCases({
        method,
        path,
        limitBytes,
        keys: Object.keys(schema.shape),
        required: key => isRequired(schema, key),
        fields,
      }),
    );
  zodBody(
    'post',
    '/incidents',
    incidentInputSchema,
    4 * 2 ** 20,
    incidentFields(),
  );
  zodBody('patch', '/incidents/1', incidentPatchSchema, 4 * 2 ** 20, {
    version: field('number', 1),
    ...incidentFields(),
  });
  zodBody('post', '/incidents/1/timeline', timelineEntrySchema, 4 * 2 ** 20, {
    at: field('pastTime', iso(-HOUR)),
    kind: field('choice', 'note'),
    text: field('text', 'Rolled back the deploy'),
  });
  zodBody('put', '/incidents/1/postmortem', postmortemSchema, 4 * 2 ** 20, {
    version: field('number', undefined),
    symptom: field('text', 'Checkout answered 500'),
    response: field('text', 'Rolled back'),
    cause: field('text', 'A bad config'),
    trigger: field('text', 'A deploy'),
    detection: field('text', 'An alert'),
    wentWell: field('text', 'Fast rollback'),
    wentWrong: field('text', 'Slow paging'),
    gotLucky: field('text', 'Low traffic'),
    actionItems: field('list', [
      {
        text: 'Validate config',
        category: 'prevent',
        owner: 'group:default/team',
        dueDate: '2027-01-31',
        status: 'open',
        link: null,
      },
    ]),
  });
  zodBody('post', '/runbooks/drills', drillInputSchema, 256 * 2 ** 10, {
    entityRef: field('ref', 'component:default/orders-service'),
    runbookUrl: field('url', RUNBOOK),
    scenario: field('text', 'Fail over the primary'),
    performedAt: field('pastTime', iso(-HOUR)),
    outcome: field('choice', 'passed'),
    minutesToMitigate: field('number', 12),
    participants: field('list', ['user:default/alice']),
    findings: field('text', 'Took longer than planned'),
  });
  // Deletes first: none may remove what a later case records.
  for (const method of ['delete', 'post'] as const) {
    cases.push(
      ...bodyCases({
        method,
        path: '/observations',
        limitBytes: 5 * 2 ** 20,
        keys: ['source', 'target', 'evidence', 'detail', 'observedAt'],
        required: key => key !== 'detail' && key !== 'observedAt',
        fields: {
          source: field('ref', 'component:default/orders-service'),
          target: field('ref', 'resource:default/orders-db'),
          evidence: field('choice', 'traffic'),
          detail: field('text', 'tcp 5432'),
          observedAt: field('pastTime', iso(-HOUR)),
        },
        wrap: edge => ({ edges: [edge] }),
        combinations: {
          'with a self-loop': { target: 'component:default/orders-service' },
        },
        // Refs the catalog does not know yet are the "unknown" list: recording one is right.
        // Deleting is for the owners of the edge's source: nobody owns an unknown one.
        unknownRefStatus: key =>
          method === 'post' || key !== 'source' ? 200 : 403,
      }),
    );
  }

  for (const [method, pattern] of [
    ['get', `${ENTITY}/overview`],
    ['get', `${ENTITY}/dependencies`],
    ['get', `${ENTITY}/slos`],
    ['get', `${ENTITY}/release-gate`],
    ['get', `${ENTITY}/escalation`],
    ['get', `${ENTITY}/incidents`],
    ['get', `${ENTITY}/incident-metrics`],
    ['get', `${ENTITY}/action-items`],
    ['get', `${ENTITY}/runbooks`],
    ['get', `${ENTITY}/drills`],
    ['get', '/slos/:namespace/:name/history'],
    ['get', '/slos/:namespace/:name/rules'],
    ['get', '/incidents/:id'],
    ['patch', '/incidents/:id'],
    ['get', '/incidents/:id/timeline'],
    ['post', '/incidents/:id/timeline'],
    ['get', '/incidents/:id/postmortem'],
    ['put', '/incidents/:id/postmortem'],
  ] as const) {
    cases.push(...pathCases(method, pattern));
  }
  return cases;
}

describe('bad input, generated from the routes’ schemas', () => {
  const cases = generatedCases();

  it(`generates ${cases.length} cases, at least 200`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it('answers each with a 4xx naming the problem, writes nothing and stays healthy', async () => {
    const { server } = await startTestBackend({
      features: [reliabilityPlugin, catalog, databaseProbe],
    });
    const user = mockCredentials.user.header();
    const created = await request(server)
      .post('/api/reliability/incidents')
      .set('Authorization', user)
      .send(goodIncident);
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(1);

    const before = await rowCounts();
    const wrong: string[] = [];
    for (const c of cases) {
      let call = (request(server) as any)
        [c.method](`/api/reliability${c.path}${c.query ? `?${c.query}` : ''}`)
        .set('Authorization', user);
      if (c.body !== undefined) {
        call = call
          .set('Content-Type', c.contentType ?? 'application/json')
          .send(c.body);
      }
      const res = await call;
      const statuses = c.statuses ?? [400];
      const message: string | undefined = res.body?.error?.message;
      if (!statuses.includes(res.status)) {
        wrong.push(
          `${c.name}: ${res.status} ${message ?? res.text.slice(0, 200)}`,
        );
      } else if (res.status >= 400) {
        if (!message || res.body.error.name === undefined) {
          wrong.push(`${c.name}: ${res.status} without Backstage's error body`);
        } else if (c.names && !message.includes(c.names)) {
          wrong.push(
            `${c.name}: "${message.slice(0, 200)}" does not name ${c.names}`,
          );
        } else if (message.length > 1_000) {
          // The framework's error body repeats the request's URL; the message is this plugin's.
          wrong.push(`${c.name}: a message of ${message.length} characters`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The only accepted cases recorded an observation of an entity the catalog lacks, and
    // changed nothing else.
    const after = await rowCounts();
    const acceptedUnknowns = cases.filter(
      c => c.method === 'post' && c.statuses?.includes(200),
    ).length;
    expect({
      ...after,
      observed_dependencies: after.observed_dependencies - acceptedUnknowns,
    }).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const health = await request(server).get('/api/reliability/health');
    expect(health.status).toBe(200);
    const incident = await request(server)
      .get('/api/reliability/incidents/1')
      .set('Authorization', user);
    expect(incident.status).toBe(200);
    expect(incident.body.version).toBe(1);
  });
});
