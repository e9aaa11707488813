import { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../api';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { entityOverview } from '../__testUtils__/overview';
import { incidentsRouteRef } from '../routes';
import { IncidentResponsePage } from './IncidentResponsePage';

const orders: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-service',
    namespace: 'default',
    title: 'Orders service',
    annotations: {
      'grafana/dashboard-selector': "tags @> 'orders'",
      'sentry.io/project-slug': 'orders-service',
      'reliability.io/logs-url': 'https://logs.example.com/?q=orders',
    },
  },
  spec: { type: 'service', owner: 'group:default/commerce' },
};

async function renderPage() {
  const api = mockReliabilityApi([]);
  api.lookup.mockResolvedValue({
    items: [
      {
        entityRef: 'component:default/orders-service',
        title: 'Orders service',
        kind: 'Component',
        owner: { ref: 'group:default/commerce', title: 'Commerce' },
        onCall: [],
        escalateNext: { next: null, skippedLevels: [] },
        contacts: {},
        escalationPolicy: { ref: null, source: 'none' },
      },
    ],
  });
  api.getEntityOverview.mockResolvedValue(entityOverview());
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [orders] })],
        [
          configApiRef,
          mockApis.config({
            data: {
              reliability: {
                incidentResponse: {
                  grafanaUrl: 'https://grafana.example.com/',
                  sentryUrl: 'https://sentry.io/organizations/acme',
                },
              },
            },
          }),
        ],
      ]}
    >
      <IncidentResponsePage />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/incidents': incidentsRouteRef,
      },
    },
  );
  return api;
}

describe('IncidentResponsePage', () => {
  it('finds the entity in trouble, then gives the triage in order beside its overview', async () => {
    const api = await renderPage();
    expect(screen.getByRole('list', { name: 'Roles' })).toHaveTextContent(
      'Incident commander',
    );
    expect(
      screen.getByRole('list', { name: 'When to declare' }),
    ).toHaveTextContent('Users are affected');

    fireEvent.change(screen.getByLabelText('What is in trouble?'), {
      target: { value: 'orders' },
    });
    fireEvent.click(
      await screen.findByRole('button', { name: /Orders service/ }),
    );
    expect(
      await screen.findByLabelText('Responder summary'),
    ).toBeInTheDocument();
    expect(api.lookup).toHaveBeenCalledWith('orders', 8);

    const checklist = screen.getByRole('list', { name: 'Triage checklist' });
    const steps = within(checklist).getAllByRole('listitem');
    expect(steps.map(step => step.textContent?.split(':')[0])).toEqual([
      '1. Alerts',
      '2. Infrastructure',
      '3. Network',
      '4. Database',
      '5. Application server',
    ]);
    expect(
      within(steps[0]).getByRole('link', { name: /Grafana dashboards/ }),
    ).toHaveAttribute(
      'href',
      'https://grafana.example.com/dashboards?tag=orders',
    );
    expect(steps[0]).toHaveTextContent(
      'No SLO burn-rate alert fires on this entity.',
    );
    expect(steps[3]).toHaveTextContent(
      'Resources it uses in trouble (databases, queues, caches): Orders DB.',
    );
    expect(
      within(steps[4]).getByRole('link', { name: /Sentry errors/ }),
    ).toHaveAttribute(
      'href',
      'https://sentry.io/organizations/acme/projects/orders-service/',
    );
    expect(
      within(steps[4]).getByRole('link', { name: /Logs/ }),
    ).toHaveAttribute('href', 'https://logs.example.com/?q=orders');
  });
});
