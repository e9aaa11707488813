import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import reliabilityPlugin from '@reliability-suite/backstage-plugin-reliability-backend';
import { execFile } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { main, USAGE } from './main';

jest.setTimeout(60_000);

const entity = (
  kind: string,
  name: string,
  owner: string,
  extra: Partial<Entity['metadata']> = {},
  relations: Entity['relations'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...extra },
  spec: { type: 'service', owner },
  relations,
});

const entities: Entity[] = [
  entity('Resource', 'orders-db', 'group:default/sre', {
    title: 'Orders DB',
    links: [
      { url: 'https://wiki/failover', title: 'Failover', type: 'runbook' },
    ],
  }),
  entity(
    'Component',
    'orders-service',
    'group:default/commerce',
    { title: 'Orders service' },
    [{ type: 'dependsOn', targetRef: 'resource:default/orders-db' }],
  ),
  entity('Component', 'lonely', 'group:default/sre', {
    title: 'Lonely service',
    links: [{ url: 'https://wiki/restart', title: 'Restart', type: 'runbook' }],
  }),
  ...['sre', 'commerce'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title: name.toUpperCase() },
    spec: { type: 'team' },
  })),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'dave', namespace: 'default' },
    spec: { profile: { displayName: 'Dave Tanaka' } },
  },
];

let baseUrl: string;
let closedUrl: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  // A port nothing listens on: one just closed.
  const probe = createServer();
  await new Promise<void>(done => probe.listen(0, '127.0.0.1', done));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise(done => probe.close(done));
  const backend = await startTestBackend({
    features: [reliabilityPlugin, catalogServiceMock.factory({ entities })],
  });
  baseUrl = `http://127.0.0.1:${
    (backend.server.address() as AddressInfo).port
  }`;
  stop = () => backend.stop();
});

afterAll(() => stop());

const token = mockCredentials.user.token('user:default/dave');

async function run(
  argv: string[],
  env: Record<string, string | undefined> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    env: { BACKSTAGE_URL: baseUrl, BACKSTAGE_TOKEN: token, ...env },
    out: text => out.push(text),
    err: text => err.push(text),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reliability gate', () => {
  it('prints the report for a CI log and exits 0 on medium risk', async () => {
    const { code, out } = await run(['gate', 'resource:default/orders-db']);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Change risk for resource:default/orders-db: MEDIUM',
        'Release gate: no-slos',
        'Why:',
        "  - Orders DB's runbook has not passed a recent drill: do not rely on it untested.",
        'Blast radius: 1 entity downstream, 2 owners to tell',
        'Tell before the change (2):',
        '  - SRE (group:default/sre): nobody on call',
        '  - COMMERCE (group:default/commerce): nobody on call',
        'Runbooks without a recent passing drill (1):',
        '  - https://wiki/failover',
        'Verdict: go. Tell the owners above before releasing.',
      ].join('\n'),
    );
  });

  it('exits 0 on low risk once the runbook passed a drill, and answers JSON with --json', async () => {
    const drill = await fetch(`${baseUrl}/api/reliability/runbooks/drills`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        entityRef: 'component:default/lonely',
        runbookUrl: 'https://wiki/restart',
        scenario: 'The workers hang',
        performedAt: new Date(Date.now() - 86_400_000).toISOString(),
        outcome: 'passed',
        participants: ['user:default/dave'],
        findings: 'Restarting took two minutes.',
      }),
    });
    expect(drill.status).toBe(201);
    const { code, out } = await run([
      'gate',
      'component:default/lonely',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      entityRef: 'component:default/lonely',
      risk: 'low',
      staleRunbooks: [],
    });
  });

  it('exits 1 when an incident is open on a dependent, and writes the notice as Markdown', async () => {
    const declared = await fetch(`${baseUrl}/api/reliability/incidents`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        title: 'Orders fail to save',
        severity: 'SEV2',
        status: 'investigating',
        cause: 'unknown',
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        entities: [
          { entityRef: 'component:default/orders-service', role: 'affected' },
        ],
      }),
    });
    expect(declared.status).toBe(201);
    const { id } = await declared.json();
    const { code, out } = await run([
      'gate',
      'resource:default/orders-db',
      '--markdown',
    ]);
    expect(code).toBe(1);
    expect(out).toContain('## Planned change to resource:default/orders-db');
    expect(out).toContain('**Change risk: High**');
    expect(out).toContain(`- Incident ${id} (SEV2) is open on Orders service.`);

    const text = await run(['gate', 'resource:default/orders-db']);
    expect(text.code).toBe(1);
    expect(text.out).toContain('Verdict: stop.');

    // The bin itself, as a pipeline runs it, exits with the same code.
    const child = await promisify(execFile)(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolve(__dirname, 'index.ts'),
        'gate',
        'resource:default/orders-db',
      ],
      {
        env: { ...process.env, BACKSTAGE_URL: baseUrl, BACKSTAGE_TOKEN: token },
      },
    ).then(
      () => ({ code: 0 }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(child.code).toBe(1);
    expect((child as { stdout: string }).stdout).toContain(
      'Change risk for resource:default/orders-db: HIGH',
    );
  });

  it.each([
    [
      ['gate', 'component:default/nowhere'],
      {},
      '/api/reliability/change-risk answered 400: entityRef: No entity component:default/nowhere in the catalog',
    ],
    [
      ['gate', 'component:'],
      {},
      'answered 400: entityRef: must be an entity ref',
    ],
    [
      ['gate', 'resource:default/orders-db'],
      { BACKSTAGE_TOKEN: 'forged' },
      'answered 401 (is BACKSTAGE_TOKEN set and valid?)',
    ],
    [
      ['gate', 'resource:default/orders-db'],
      { BACKSTAGE_URL: '' },
      'BACKSTAGE_URL is not set',
    ],
    [
      ['gate', 'resource:default/orders-db'],
      { BACKSTAGE_URL: 'closed' },
      'ECONNREFUSED',
    ],
    [['gate'], {}, 'gate takes one entity ref'],
    [['gate', 'a', '--yaml'], {}, 'Unknown option --yaml for gate'],
    [['deploy'], {}, 'Unknown command "deploy"'],
  ] as const)('exits 2 on %j', async (argv, env, message) => {
    const { code, err } = await run(
      [...argv],
      'BACKSTAGE_URL' in env && env.BACKSTAGE_URL === 'closed'
        ? { BACKSTAGE_URL: closedUrl }
        : env,
    );
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('exits 2 when the backend answers an error, saying what it answered', async () => {
    const failing = createHttpServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('upstream unavailable');
    });
    await new Promise<void>(done => failing.listen(0, '127.0.0.1', done));
    try {
      const { code, err } = await run(['gate', 'resource:default/orders-db'], {
        BACKSTAGE_URL: `http://127.0.0.1:${
          (failing.address() as AddressInfo).port
        }`,
      });
      expect(code).toBe(2);
      expect(err).toContain(
        '/api/reliability/change-risk answered 503: upstream unavailable',
      );
    } finally {
      await new Promise(done => failing.close(done));
    }
  });

  it('prints its usage on --help', async () => {
    await expect(run(['--help'])).resolves.toEqual({
      code: 0,
      out: USAGE,
      err: '',
    });
  });
});

describe('reliability who', () => {
  it('prints who to page for the matches, and exits 1 when nothing matches', async () => {
    const found = await run(['who', 'orders']);
    expect(found.code).toBe(0);
    expect(found.out).toContain(
      'Orders service (component:default/orders-service)',
    );
    expect(found.out).toContain('  owner: COMMERCE');
    const none = await run(['who', 'zzzz-nothing']);
    expect(none).toMatchObject({
      code: 1,
      out: 'Nothing in the catalog matches "zzzz-nothing".',
    });
  });
});
