import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { componentEntity } from './__testUtils__/catalogEntities';
import { reliabilityPlugin } from './plugin';

const catalog = catalogServiceMock.factory({
  entities: [componentEntity('orders-service')],
});

describe('reliabilityPlugin', () => {
  it('answers /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [reliabilityPlugin, catalog],
    });

    const res = await request(server)
      .get('/api/reliability/health')
      .set('Authorization', mockCredentials.none.header());

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).toBe('{"status":"ok"}');
  });

  it('refuses every other route without credentials', async () => {
    const { server } = await startTestBackend({
      features: [reliabilityPlugin, catalog],
    });

    const res = await request(server)
      .get('/api/reliability/entities/component/default/orders-service/slos')
      .set('Authorization', mockCredentials.none.header());

    expect(res.status).toBe(401);
  });
});
