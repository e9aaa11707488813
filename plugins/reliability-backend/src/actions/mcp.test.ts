import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
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

/** The plugin and Backstage's MCP server over the test catalog; users may not read `secret`. */
async function startBackend() {
  const backend = await startTestBackend({
    features: [
      reliabilityPlugin,
      mcpPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { backend: { actions: { pluginSources: ['reliability'] } } },
      }),
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        authorizeConditional: async (requests, { credentials }) =>
          requests.map(() =>
            (credentials.principal as { type: string }).type === 'user'
              ? ({
                  result: AuthorizeResult.CONDITIONAL,
                  pluginId: 'catalog',
                  resourceType: 'catalog-entity',
                  conditions: {
                    rule: 'HAS_METADATA',
                    params: { key: 'name' },
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

  it('answers an invalid input with an error naming the field', async () => {
    const result: any = await client.callTool({
      name: 'reliability.who-to-page',
      arguments: { entityRef: 42 },
    });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toMatch(/entityRef/);
  });
});
