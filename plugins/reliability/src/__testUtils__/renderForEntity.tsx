import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReactElement } from 'react';
import { ReliabilityApi, reliabilityApiRef } from '../api';
import { incidentsRouteRef } from '../routes';

/** orders-service, owned by Commerce: the entity most component tests render for. */
export const ordersService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-service', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/commerce' },
};

/** Renders `element` in a test app for `entity`, with `api` as the reliability API. */
export async function renderForEntity(
  element: ReactElement,
  api: ReliabilityApi,
  entity: Entity = ordersService,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/incidents': incidentsRouteRef,
      },
    },
  );
}
