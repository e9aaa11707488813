import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../api';
import { incidentsRouteRef } from '../routes';
import { openIncident } from '../__testUtils__/incidents';
import {
  escalationResponse,
  mockReliabilityApi,
  sloItem,
} from '../__testUtils__/mockReliabilityApi';
import { EntityReliabilityContent } from './EntityReliabilityContent';

const ordersService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-service',
    namespace: 'default',
    links: [
      {
        url: 'https://runbooks.example.com/orders-service/rollback',
        title: 'Roll back the orders service',
        type: 'runbook',
      },
      {
        url: 'https://grafana.example.com/d/orders',
        title: 'Dashboard',
        type: 'dashboard',
      },
    ],
  },
  spec: { type: 'service', owner: 'group:default/commerce' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/commerce' },
    { type: 'dependsOn', targetRef: 'resource:default/orders-db' },
    { type: 'consumesApi', targetRef: 'api:default/payments-api' },
    { type: 'dependencyOf', targetRef: 'component:default/report-generator' },
  ],
};

async function renderFor(
  entity: Entity,
  slos = mockReliabilityApi(
    [],
    escalationResponse({
      escalationPolicy: { ref: null, source: 'none' },
      onCall: [],
      levels: [],
      contacts: {},
    }),
  ),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, slos]]}>
      <EntityProvider entity={entity}>
        <EntityReliabilityContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/incidents': incidentsRouteRef,
      },
    },
  );
}

describe('EntityReliabilityContent', () => {
  it('leads with the owner, linked to the owning group', async () => {
    await renderFor(ordersService);

    const strip = screen.getByLabelText('Responder summary');
    const owner = within(strip).getByRole('link', { name: /commerce/ });
    expect(owner).toHaveAttribute('href', '/catalog/default/group/commerce');
    expect(
      await within(strip).findByText(
        /Not configured: no escalation policy covers this entity/,
      ),
    ).toBeInTheDocument();
  });

  it('says who is on call now, until when, and whom to escalate to after how long', async () => {
    await renderFor(
      ordersService,
      mockReliabilityApi([], escalationResponse()),
    );
    const strip = screen.getByLabelText('Responder summary');
    const dave = await within(strip).findByRole('link', {
      name: /Dave Tanaka/,
    });
    expect(dave).toHaveAttribute('href', '/catalog/default/user/dave');
    expect(strip).toHaveTextContent(/until .*23 Nov.*\(.*Europe\/London\)/);
    expect(strip).toHaveTextContent('Escalate nextSRE after 20 minutes');
  });

  it('says plainly when an entity has no owner', async () => {
    await renderFor({ ...ordersService, relations: [] });
    expect(screen.getByLabelText('Responder summary')).toHaveTextContent(
      'No owner: set spec.owner in catalog-info.yaml',
    );
  });

  it('lists only the runbook links', async () => {
    await renderFor(ordersService);

    expect(
      screen.getByText('1 runbook linked from metadata.links:'),
    ).toBeInTheDocument();
    const runbooks = screen.getByRole('list', { name: 'Runbooks' });
    expect(
      within(runbooks).getByRole('link', {
        name: /^Roll back the orders service/,
      }),
    ).toHaveAttribute(
      'href',
      'https://runbooks.example.com/orders-service/rollback',
    );
    expect(within(runbooks).queryByText('Dashboard')).not.toBeInTheDocument();
  });

  it('counts declared dependencies in both directions', async () => {
    await renderFor(ordersService);
    expect(
      screen.getByText(
        'Declared in the catalog: 2 upstream dependencies, 1 downstream dependent (spec.dependsOn, spec.dependencyOf, consumesApis).',
      ),
    ).toBeInTheDocument();
  });

  it('shows how to add an SLO for this very entity', async () => {
    await renderFor(ordersService);
    expect(
      await screen.findByText(
        'No SLOs yet: add an OpenSLO document next to catalog-info.yaml.',
      ),
    ).toBeInTheDocument();
    const sloCard = screen
      .getByText('SLOs and error budgets')
      .closest('.MuiCard-root');
    expect(sloCard).toHaveTextContent('service: orders-service');
  });

  it('explains how to start when nothing is configured', async () => {
    await renderFor({ ...ordersService, metadata: { name: 'bare' } });
    expect(
      screen.getByText(
        'No runbooks yet: add metadata.links entries with type: runbook.',
      ),
    ).toBeInTheDocument();
    // With no policy, the escalation card offers one to paste for the owning team.
    const card = (await screen.findByText('Ownership & escalation')).closest(
      '.MuiCard-root',
    );
    await waitFor(() =>
      expect(card).toHaveTextContent('kind: EscalationPolicy'),
    );
    expect(card).toHaveTextContent('name: bare-escalation');
    expect(card).toHaveTextContent('owner: group:default/commerce');
  });

  it('says plainly that drill history is not available yet', async () => {
    await renderFor(ordersService);
    const runbooks = screen.getByText('Runbooks').closest('.MuiCard-root');
    expect(runbooks).toHaveTextContent(
      'Drill history (when each was last exercised) is not yet available.',
    );
  });

  it('shows open incidents and the open action items with their owners and due dates', async () => {
    const api = mockReliabilityApi([]);
    api.listEntityIncidents.mockResolvedValue({
      items: [
        {
          ...openIncident,
          id: 12,
          title: 'Orders fail to save',
          severity: 'SEV1',
        },
      ],
      cursor: null,
    });
    api.getEntityActionItems.mockResolvedValue({
      items: [
        {
          incidentId: 9,
          incidentTitle: 'Deadlocked database sessions',
          text: 'Add a lock timeout',
          category: 'prevent',
          owner: 'group:default/commerce',
          dueDate: '2026-12-15',
          status: 'open',
          link: null,
        },
      ],
    });
    await renderFor(ordersService, api);
    const open = await screen.findByRole('list', { name: 'Open incidents' });
    expect(open).toHaveTextContent('SEV1 Orders fail to save');
    expect(within(open).getByRole('link')).toHaveAttribute(
      'href',
      '/incidents/12',
    );
    const items = screen.getByRole('list', { name: 'Open action items' });
    expect(items).toHaveTextContent('Add a lock timeout');
    expect(items).toHaveTextContent(
      'due 2026-12-15 · from Deadlocked database sessions',
    );
    expect(api.listEntityIncidents).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'orders-service' },
      { status: 'open', limit: 5 },
    );
  });

  it('summarizes the SLOs worst first, each with its verdict and budget in words', async () => {
    await renderFor(
      ordersService,
      mockReliabilityApi([
        sloItem(),
        sloItem({
          ref: 'slo:default/orders-latency',
          title: 'Orders latency',
          status: {
            state: 'freeze',
            sli: 0.99,
            errorBudget: { total: 0.005, consumed: 2, remaining: -1 },
          },
        }),
      ]),
    );
    const list = await screen.findByRole('list', { name: 'SLOs' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Freeze Orders latencyThe 28-day error budget is spent (-100% left); releases stop except for fixes. Target 99.5%.',
    );
    expect(items[1]).toHaveTextContent(
      'OK Orders availabilityThe 28-day error budget has 50% left. Target 99.5%.',
    );
  });
});
