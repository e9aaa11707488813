import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import {
  componentEntity,
  groupEntity,
  userEntity,
} from './__testUtils__/catalogEntities';
import { reliabilityPlugin } from './plugin';

/*
 * PostgreSQL going away under a running backend and coming back: its own throwaway server
 * (scripts/postgres.sh), stopped at once as a crash would, then started again on the same port.
 */

jest.setTimeout(180_000);

const run = promisify(execFile);
const script = resolve(__dirname, '../../../scripts/postgres.sh');
const postgres = (action: string, dir: string) =>
  run('bash', [script, action, dir]).then(({ stdout }) => stdout.trim());

const user = mockCredentials.user.header();
const incident = (title: string) => ({
  title,
  severity: 'SEV3',
  status: 'investigating',
  cause: 'unknown',
  startedAt: new Date(Date.now() - 3_600_000).toISOString(),
  entities: [
    { entityRef: 'component:default/orders-service', role: 'root-cause' },
  ],
});

let dir: string;
let connection: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reliability-pg-restart-'));
  connection = await postgres('start', dir);
});

afterAll(async () => {
  if (dir) await postgres('stop', dir);
});

describe('PostgreSQL restarted under a running backend', () => {
  it('answers 503 with the reason while it is away, keeps serving from memory, and recovers by itself', async () => {
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({
          entities: [
            componentEntity('orders-service', { owner: 'group:default/team' }),
            {
              ...groupEntity('team'),
              relations: [
                { type: 'hasMember', targetRef: 'user:default/mock' },
              ],
            },
            userEntity('mock', 'Mock User'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: {
                client: 'pg',
                connection,
                // A request waits this long for a connection while the database is away.
                knexConfig: { acquireConnectionTimeout: 3_000 },
              },
            },
          },
        }),
        mockServices.database.factory(),
      ],
    });
    const declared = await request(server)
      .post('/api/reliability/incidents')
      .set('Authorization', user)
      .send(incident('Before the restart'));
    expect(declared.status).toBe(201);

    await postgres('pause', dir);
    try {
      const write = await request(server)
        .post('/api/reliability/incidents')
        .set('Authorization', user)
        .send(incident('While the database is away'));
      expect(write.status).toBe(503);
      expect(write.body.error.name).toBe('ServiceUnavailableError');
      expect(write.body.error.message).toMatch(/^The database is unavailable/);
      const read = await request(server)
        .get(`/api/reliability/incidents/${declared.body.id}`)
        .set('Authorization', user);
      expect(read.status).toBe(503);
      expect(read.body.error.message).toMatch(/^The database is unavailable/);

      // What each replica holds in memory still answers: who is on call, and what depends on what.
      const lookup = await request(server)
        .get('/api/reliability/lookup?q=orders')
        .set('Authorization', user);
      expect(lookup.status).toBe(200);
      expect(lookup.body.items[0].entityRef).toBe(
        'component:default/orders-service',
      );
      const health = await request(server).get('/api/reliability/health');
      expect(health.status).toBe(200);
    } finally {
      await postgres('resume', dir);
    }

    // No restart: the next requests find the database again.
    const after = await request(server)
      .post('/api/reliability/incidents')
      .set('Authorization', user)
      .send(incident('After the restart'));
    expect(after.status).toBe(201);
    const list = await request(server)
      .get('/api/reliability/incidents')
      .set('Authorization', user);
    expect(list.body.items.map((i: { title: string }) => i.title)).toEqual([
      'After the restart',
      'Before the restart',
    ]);
  });
});
