import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import mcpPlugin from '@backstage/plugin-mcp-actions-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  componentEntity,
  escalationPolicyEntity,
  groupEntity,
  resourceEntity,
  userEntity,
} from '../__testUtils__/catalogEntities';
import { reliabilityPlugin } from '../plugin';

jest.setTimeout(60_000);

const dependsOn = (targetRef: string) => [{ type: 'dependsOn', targetRef }];

const entities: Entity[] = [
  componentEntity('orders-service', {
    title: 'Orders service',
    owner: 'group:default/commerce',
    relations: dependsOn('resource:default/orders-db'),
  }),
  componentEntity('storefront', {
    title: 'Web storefront',
    owner: 'group:default/commerce',
    relations: dependsOn('component:default/orders-service'),
  }),
  componentEntity('secret-service', {
    title: 'Secret service',
    owner: 'group:default/commerce',
    relations: dependsOn('resource:default/orders-db'),
  }),
  resourceEntity('orders-db', 'group:default/commerce'),
  groupEntity('commerce', { title: 'Commerce' }),
  userEntity('dave', 'Dave Tanaka'),
  escalationPolicyEntity('commerce-oncall', 'group:default/commerce', {
    name: 'primary',
    timeZone: 'UTC',
    length: 'P1W',
    handoff: '00:00',
    startDate: '2026-01-05',
    members: ['user:default/dave'],
  }),
];

/**
 * The plugin and Backstage's MCP server over the test catalog. Users may not read Secret
 * service (the catalog applies the condition), nor record observations; services may.
 */
async function startBackend() {
  const catalog = catalogServiceMock({ entities });
  const hide = (e: Entity | undefined) =>
    e?.metadata.name === 'secret-service' ? undefined : e;
  const byRefs = catalog.getEntitiesByRefs.bind(catalog);
  const byRef = catalog.getEntityByRef.bind(catalog);
  catalog.getEntitiesByRefs = (async (req, opts) =>
    (opts as any)?.credentials?.principal?.type === 'user'
      ? { items: (await byRefs(req, opts)).items.map(hide) }
      : byRefs(req, opts)) as typeof catalog.getEntitiesByRefs;
  catalog.getEntityByRef = async (ref, opts) =>
    (opts as any)?.credentials?.principal?.type === 'user'
      ? hide(await byRef(ref, opts))
      : byRef(ref, opts);
  const backend = await startTestBackend({
    features: [
      reliabilityPlugin,
      mcpPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      mockServices.rootConfig.factory({
        data: { backend: { actions: { pluginSources: ['reliability'] } } },
      }),
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              r.permission.name === 'reliability.observation.create'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
        authorizeConditional: async (requests, { credentials }) =>
          requests.map(() =>
            (credentials.principal as { type: string }).type === 'user'
              ? ({
                  result: AuthorizeResult.CONDITIONAL,
                  pluginId: 'catalog',
                  resourceType: 'catalog-entity',
                  conditions: {
                    not: {
                      rule: 'HAS_METADATA',
                      resourceType: 'catalog-entity',
                      params: { key: 'name', value: 'secret-service' },
                    },
                  },
                } as any)
              : { result: AuthorizeResult.ALLOW },
          ),
      }).factory,
    ],
  });
  return backend;
}

async function connect(baseUrl: string, token: string) {
  const client = new Client({ name: 'reliability-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${baseUrl}/api/mcp-actions/v1`),
      {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      },
    ),
  );
  return client;
}

// Backstage's MCP server names each tool after its plugin and action.
/** The JSON an action answered with. */
function structured(result: any): any {
  const [content] = result.content;
  return JSON.parse(content.text);
}

describe('the reliability actions over MCP', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let baseUrl: string;
  let client: Client;
  const token = mockCredentials.user.token('user:default/dave');

  beforeAll(async () => {
    backend = await startBackend();
    baseUrl = `http://127.0.0.1:${
      (backend.server.address() as AddressInfo).port
    }`;
    client = await connect(baseUrl, token);
  });

  afterAll(async () => {
    await client?.close();
    await backend?.stop();
  });

  it('lists every tool with its read-only hint and JSON schema', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map(tool => [tool.name, tool]));
    const readOnly = [
      'who-to-page',
      'get-slo-status',
      'get-dependencies',
      'get-impact',
      'get-change-risk',
      'list-incidents',
      'get-incident',
      'get-runbooks',
    ];
    const writes = [
      'declare-incident',
      'add-incident-timeline-entry',
      'record-dependency-observation',
    ];
    expect([...byName.keys()].sort()).toEqual(
      [...readOnly, ...writes].map(name => `reliability.${name}`).sort(),
    );
    for (const name of readOnly) {
      expect([name, byName.get(`reliability.${name}`)?.annotations]).toEqual([
        name,
        expect.objectContaining({ readOnlyHint: true, destructiveHint: false }),
      ]);
    }
    for (const name of writes) {
      expect([name, byName.get(`reliability.${name}`)?.annotations]).toEqual([
        name,
        expect.objectContaining({
          readOnlyHint: false,
          destructiveHint: false,
        }),
      ]);
    }
    expect(byName.get('reliability.who-to-page')).toMatchObject({
      annotations: expect.objectContaining({ readOnlyHint: true }),
      inputSchema: expect.objectContaining({
        type: 'object',
        properties: expect.objectContaining({
          entityRef: expect.objectContaining({ type: 'string' }),
        }),
      }),
    });
  });

  it('answers who-to-page with the on-call the escalation route gives', async () => {
    const result = await client.callTool({
      name: 'reliability.who-to-page',
      arguments: { entityRef: 'component:default/orders-service' },
    });
    const route = await request(backend.server)
      .get(
        '/api/reliability/entities/component/default/orders-service/escalation',
      )
      .set('Authorization', `Bearer ${token}`);
    const [match] = structured(result).matches;
    expect(match.onCall.map((o: any) => [o.userRef, o.until])).toEqual(
      route.body.onCall.map((o: any) => [o.userRef, o.until]),
    );
    expect(match.onCall[0].displayName).toBe('Dave Tanaka');
  });

  it("answers get-impact with the impact route's entities, without what the caller may not read, cut to limit", async () => {
    const result = structured(
      await client.callTool({
        name: 'reliability.get-impact',
        arguments: { entityRef: 'resource:default/orders-db' },
      }),
    );
    const route = await request(backend.server)
      .get('/api/reliability/impact')
      .query({
        entityRef: 'resource:default/orders-db',
        direction: 'downstream',
      })
      .set('Authorization', `Bearer ${token}`);
    const refs = result.entities.map((e: any) => e.entityRef).sort();
    expect(refs).toEqual(
      route.body.impacted.map((e: any) => e.entityRef).sort(),
    );
    expect(refs).toEqual([
      'component:default/orders-service',
      'component:default/storefront',
    ]);
    expect(result.truncated).toBe(false);

    const cut = structured(
      await client.callTool({
        name: 'reliability.get-impact',
        arguments: { entityRef: 'resource:default/orders-db', limit: 1 },
      }),
    );
    expect(cut.entities).toHaveLength(1);
    expect(cut.truncated).toBe(true);
  });

  it('tells a caller nothing about an entity it may not read', async () => {
    const result: any = await client.callTool({
      name: 'reliability.who-to-page',
      arguments: { entityRef: 'component:default/secret-service' },
    });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toContain('NotFoundError');
    const lookup = structured(
      await client.callTool({
        name: 'reliability.who-to-page',
        arguments: { query: 'service' },
      }),
    );
    expect(lookup.matches.map((m: any) => m.entityRef)).not.toContain(
      'component:default/secret-service',
    );
  });

  it('declares an incident and adds to its timeline as the caller', async () => {
    const declared = structured(
      await client.callTool({
        name: 'reliability.declare-incident',
        arguments: {
          title: 'Orders fail to save',
          severity: 'SEV2',
          entities: [
            { entityRef: 'component:default/orders-service', role: 'affected' },
          ],
        },
      }),
    );
    expect(declared.incident).toMatchObject({
      title: 'Orders fail to save',
      status: 'investigating',
      createdBy: 'user:default/dave',
    });
    const entry = structured(
      await client.callTool({
        name: 'reliability.add-incident-timeline-entry',
        arguments: {
          incidentId: declared.incident.id,
          text: 'Rolled back',
          kind: 'action',
        },
      }),
    );
    expect(entry.entry).toMatchObject({ author: 'user:default/dave' });
    const open = structured(
      await client.callTool({
        name: 'reliability.list-incidents',
        arguments: { status: 'open' },
      }),
    );
    expect(open.incidents.map((i: any) => i.id)).toContain(
      declared.incident.id,
    );
  });

  it('refuses a write the caller may not make, with the reason, writing nothing', async () => {
    const result: any = await client.callTool({
      name: 'reliability.record-dependency-observation',
      arguments: {
        source: 'component:default/storefront',
        target: 'resource:default/orders-db',
      },
    });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toContain('reliability.observation.create');
    const deps = structured(
      await client.callTool({
        name: 'reliability.get-dependencies',
        arguments: { entityRef: 'resource:default/orders-db' },
      }),
    );
    expect(deps.counts.hidden).toBe(0);
  });

  it('answers an invalid input with an error naming the field', async () => {
    const result: any = await client.callTool({
      name: 'reliability.who-to-page',
      arguments: { entityRef: 42 },
    });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toMatch(/entityRef/);
  });
});
