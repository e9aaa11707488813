import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import { componentEntity } from './__testUtils__/catalogEntities';
import { listRoutes } from './http/listRoutes';
import { reliabilityPlugin } from './plugin';

jest.setTimeout(60_000);

/** Routes outside Backstage sign-in, each checking its callers itself. */
const OPEN = ['get /health'];
/** Answers 401 without a valid signature, though outside sign-in. */
const SIGNED = ['post /webhooks/pagerduty'];

const catalog = catalogServiceMock.factory({
  entities: [componentEntity('orders-service')],
});

/** The plugin's router as it hands it to Backstage's HTTP router. */
async function registeredRoutes() {
  let router: express.Router | undefined;
  await startTestBackend({
    features: [
      reliabilityPlugin,
      catalog,
      mockServices.httpRouter.mock({
        use: handler => {
          router = handler as express.Router;
        },
      }).factory,
    ],
  });
  return listRoutes(router!);
}

const sample = (path: string) =>
  path
    .replace(':kind', 'component')
    .replace(':namespace', 'default')
    .replace(':name', 'orders-service')
    .replace(/:\w+/g, '1');

describe('the route inventory', () => {
  it('answers 401 on every route but the open ones, without credentials and with a forged token', async () => {
    const routes = await registeredRoutes();
    // The inventory covers what the plugin serves today; a new route joins it by itself.
    expect(routes.length).toBeGreaterThan(20);
    const { server } = await startTestBackend({
      features: [reliabilityPlugin, catalog],
    });
    const open: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      // The test backend reads a request without the header as a default user: "none" is
      // its header for a caller without credentials.
      for (const [caller, authorization] of [
        ['without credentials', mockCredentials.none.header()],
        ['with a forged token', 'Bearer forged.token.value'],
        ['with an invalid user token', mockCredentials.user.invalidHeader()],
      ]) {
        const res = await (request(server) as any)
          [route.method](`/api/reliability${sample(route.path)}`)
          .set('Authorization', authorization)
          .send({});
        if (res.status !== 401) open.push(`${key} ${caller}: ${res.status}`);
      }
    }
    expect(
      open.filter(line => !OPEN.some(o => line.startsWith(`${o} `))),
    ).toEqual([]);
    // The check sees an open route: the health check answers anyone.
    expect(open).toContain('get /health without credentials: 200');
    expect(routes.map(r => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([...OPEN, ...SIGNED]),
    );
  });
});
