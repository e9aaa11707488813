import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';
import { incidentCatalog } from './__testUtils__/incidentFixture';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const alice = mockCredentials.user.header('user:default/alice');

async function startBackend(knex?: Awaited<ReturnType<typeof databases.init>>) {
  return startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities: incidentCatalog }),
      ...(knex
        ? [mockServices.database.factory({ knex, migrations: { skip: false } })]
        : []),
    ],
  });
}

describe('incidents in the running plugin', () => {
  it('requires credentials on every route', async () => {
    const { server } = await startBackend();
    for (const [method, path] of [
      ['get', '/incidents'],
      ['post', '/incidents'],
      ['get', '/incidents/1'],
      ['patch', '/incidents/1'],
      ['get', '/incidents/1/timeline'],
      ['post', '/incidents/1/timeline'],
      ['get', '/incidents/1/postmortem'],
      ['put', '/incidents/1/postmortem'],
      ['get', '/entities/component/default/settlement-batch/incidents'],
      ['get', '/entities/component/default/settlement-batch/incident-metrics'],
      ['get', '/entities/component/default/settlement-batch/action-items'],
    ] as const) {
      const res = await (request(server) as any)
        [method](`/api/reliability${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect([method, path, res.status]).toEqual([method, path, 401]);
    }
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps a declared incident, its timeline and postmortem across a restart', async () => {
      const knex = await databases.init(databaseId);
      const first = await startBackend(knex);
      const declared = await request(first.server)
        .post('/api/reliability/incidents')
        .set('Authorization', alice)
        .send({
          title: 'Config change rolled back',
          severity: 'SEV3',
          status: 'resolved',
          cause: 'config',
          startedAt: '2026-11-10T09:00:00Z',
          mitigatedAt: '2026-11-10T09:05:00Z',
          resolvedAt: '2026-11-10T09:20:00Z',
          mitigation: 'rollback',
          entities: [
            {
              entityRef: 'component:default/settlement-batch',
              role: 'affected',
            },
          ],
        });
      expect(declared.status).toBe(201);
      const id = declared.body.id;
      await request(first.server)
        .post(`/api/reliability/incidents/${id}/timeline`)
        .set('Authorization', alice)
        .send({ kind: 'action', text: 'Rolled back the change' })
        .expect(201);
      await request(first.server)
        .put(`/api/reliability/incidents/${id}/postmortem`)
        .set('Authorization', alice)
        .send({
          symptom: 'Settlements failed for five minutes.',
          response: 'The change was rolled back.',
          cause: 'A config value was wrong.',
          actionItems: [],
        })
        .expect(200);
      await first.stop();

      const second = await startBackend(knex);
      const history = await request(second.server)
        .get(
          '/api/reliability/entities/component/default/settlement-batch/incidents',
        )
        .set('Authorization', alice);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          id,
          title: 'Config change rolled back',
          postmortem: expect.objectContaining({ version: 1 }),
        }),
      ]);
      const timeline = await request(second.server)
        .get(`/api/reliability/incidents/${id}/timeline`)
        .set('Authorization', alice);
      expect(timeline.body.items.map((e: any) => e.text)).toEqual([
        'Rolled back the change',
      ]);
      await second.stop();
    });
  });
});
