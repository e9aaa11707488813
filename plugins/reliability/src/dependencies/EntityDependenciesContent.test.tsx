import { Entity } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { reliabilityApiRef } from '../api';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { renderForEntity } from '../__testUtils__/renderForEntity';
import { EntityDependenciesContent } from './EntityDependenciesContent';
import { impactMarkdown } from './impactMarkdown';
import { ImpactView } from './ImpactView';

const db: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'shared-test-db',
    namespace: 'default',
    title: 'Shared test database',
  },
  spec: { type: 'database', owner: 'group:default/sre' },
};

const evidence = {
  kind: 'traffic' as const,
  detail: 'service graph',
  firstSeen: '2026-11-01T00:00:00.000Z',
  lastSeen: '2026-11-22T00:00:00.000Z',
  count: 12,
};

const downstream: ImpactResponse = {
  root: 'resource:default/shared-test-db',
  direction: 'downstream',
  impacted: [
    {
      entityRef: 'component:default/settlement-batch',
      title: 'Settlement batch',
      kind: 'Component',
      depth: 1,
      path: [
        'resource:default/shared-test-db',
        'component:default/settlement-batch',
      ],
      via: 'hidden',
      owner: { ref: 'group:default/payments', title: 'Payments' },
      lifecycle: 'production',
      onCall: [{ userRef: 'user:default/bob', displayName: 'Bob Okafor' }],
      slo: { state: 'freeze', errorBudgetRemaining: -0.2 },
    },
    {
      entityRef: 'component:default/ledger-service',
      title: 'Ledger service',
      kind: 'Component',
      depth: 2,
      path: [
        'resource:default/shared-test-db',
        'component:default/settlement-batch',
        'component:default/ledger-service',
      ],
      via: 'declared',
      owner: { ref: 'group:default/payments', title: 'Payments' },
      lifecycle: 'production',
      onCall: [],
      slo: null,
    },
  ],
  summary: {
    entities: 2,
    owners: [{ ref: 'group:default/payments', count: 2 }],
    byDepth: { '1': 1, '2': 1 },
    frozen: 1,
    hidden: 0,
  },
  truncated: false,
  cursor: null,
};

// jsdom does no layout; the graph measures its labels and nodes with getBBox.
beforeAll(() => {
  (window.SVGElement.prototype as any).getBBox = () => ({
    x: 0,
    y: 0,
    width: 80,
    height: 20,
  });
});

describe('EntityDependenciesContent', () => {
  it('shows hidden dependencies with the YAML to declare them, and the impact by owner', async () => {
    const api = mockReliabilityApi([]);
    api.getEntityDependencies.mockResolvedValue({
      declared: [],
      observed: [
        {
          source: 'component:default/settlement-batch',
          target: 'resource:default/shared-test-db',
          direction: 'downstream',
          evidence: [evidence],
        },
      ],
      hidden: [
        {
          source: 'component:default/settlement-batch',
          target: 'resource:default/shared-test-db',
          direction: 'downstream',
          evidence: [evidence],
          suggestion:
            '# in the catalog-info.yaml of component:default/settlement-batch\nspec:\n  dependsOn:\n    - resource:default/shared-test-db\n',
        },
      ],
      unobserved: [],
      unknown: [],
    });
    api.getImpact.mockImplementation(
      async ({ direction }: { direction: string }) =>
        direction === 'downstream'
          ? downstream
          : {
              ...downstream,
              direction: 'upstream',
              impacted: [],
              summary: {
                entities: 0,
                owners: [],
                byDepth: {},
                frozen: 0,
                hidden: 0,
              },
            },
    );
    await renderForEntity(<EntityDependenciesContent />, api, db);

    const hidden = await screen.findByRole('region', {
      name: 'Hidden dependencies',
    });
    expect(
      within(hidden).getByRole('link', { name: /settlement-batch/ }),
    ).toHaveAttribute('href', '/catalog/default/component/settlement-batch');
    expect(hidden).toHaveTextContent('traffic (service graph)');
    expect(hidden).toHaveTextContent('dependsOn:');
    expect(hidden).toHaveTextContent('resource:default/shared-test-db');

    expect(
      screen.getByText('Before you change Shared test database'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '2 entities would be affected, owned by 1 team; 1 has spent its error budget.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Owners:/).textContent).toBe(
      'Owners: payments (2)',
    );
    const impacted = screen.getByRole('region', {
      name: 'Impacted entities, nearest first',
    });
    // Each row says whose it is and who is on call there.
    const rows = within(impacted)
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(rows).toEqual([
      'EntityOwnerDepthPathOn callBudget',
      'Settlement batchPayments1shared-test-db → settlement-batch (hidden)Bob OkaforFreeze -20% left',
      'Ledger servicePayments2shared-test-db → settlement-batch → ledger-service (declared)nobodyno SLO',
    ]);
    expect(api.getImpact).toHaveBeenCalledWith({
      entityRef: 'resource:default/shared-test-db',
      direction: 'downstream',
      maxDepth: 2,
      limit: 100,
    });
    // The whole answer is on this page: nothing more to ask for.
    expect(
      screen.queryByRole('button', { name: /Show 100 more/ }),
    ).not.toBeInTheDocument();
  });
});

describe('EntityDependenciesContent edge tables', () => {
  it('names the evidence by its source with the query on hover, and shows unknown names as shortened text', async () => {
    const query =
      'sum by (client, server) (increase(traces_service_graph_request_total[1h])) > 0';
    const longName = 'x'.repeat(10_000);
    const api = mockReliabilityApi([]);
    api.getEntityDependencies.mockResolvedValue({
      declared: [],
      observed: [],
      hidden: [
        {
          source: 'component:default/settlement-batch',
          target: 'resource:default/shared-test-db',
          direction: 'downstream',
          evidence: [
            { ...evidence, detail: `Prometheus service graph: ${query}` },
            {
              ...evidence,
              kind: 'incident',
              detail:
                'Incident 42: Failover test blocked the shared test database',
            },
          ],
          suggestion:
            'spec:\n  dependsOn:\n    - resource:default/shared-test-db\n',
        },
      ],
      unobserved: [],
      unknown: [
        {
          source: `component:default/${longName}`,
          target: 'resource:default/shared-test-db',
          direction: 'downstream',
          evidence: [evidence],
        },
      ],
    });
    const none: ImpactResponse = {
      ...downstream,
      impacted: [],
      summary: { entities: 0, owners: [], byDepth: {}, frozen: 0, hidden: 0 },
    };
    api.getImpact.mockResolvedValue(none);
    await renderForEntity(<EntityDependenciesContent />, api, db);

    const hidden = await screen.findByRole('region', {
      name: 'Hidden dependencies',
    });
    expect(hidden).toHaveTextContent('traffic (Prometheus service graph)');
    expect(hidden).not.toHaveTextContent('traces_service_graph_request_total');
    expect(
      within(hidden).getByTitle(`Prometheus service graph: ${query}`),
    ).toHaveTextContent(/^Prometheus service graph$/);
    // Evidence from an incident links to it, with its title on hover.
    const incident = within(hidden).getByRole('link', { name: 'Incident 42' });
    expect(incident).toHaveAttribute('href', '/incidents/42');
    expect(incident.parentElement).toHaveAttribute(
      'title',
      'Incident 42: Failover test blocked the shared test database',
    );

    const unknown = screen.getByRole('region', {
      name: 'Unknown dependencies',
    });
    const name = within(unknown).getByTitle(longName);
    expect(name.textContent!.length).toBeLessThan(60);
    expect(name.textContent).toMatch(/…$/);
    expect(name.closest('a')).toBeNull();
    expect(within(unknown).getAllByRole('link')).toHaveLength(1);
  });
});

describe('ImpactView', () => {
  const service = (i: number) => ({
    ...downstream.impacted[1],
    entityRef: `component:default/service-${String(i).padStart(3, '0')}`,
    title: `Service ${String(i).padStart(3, '0')}`,
  });
  const summary = {
    entities: 130,
    owners: [{ ref: 'group:default/payments', count: 130 }],
    byDepth: { '2': 130 },
    frozen: 0,
    hidden: 0,
  };

  it('shows the first page of a hub’s answer and asks for the next with its cursor', async () => {
    const api = mockReliabilityApi([]);
    api.getImpact.mockResolvedValue({
      ...downstream,
      impacted: Array.from({ length: 30 }, (_, i) => service(100 + i)),
      summary,
      cursor: null,
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <ImpactView
          title="Shared test database"
          maxDepth={3}
          impact={{
            ...downstream,
            impacted: Array.from({ length: 100 }, (_, i) => service(i)),
            summary,
            cursor: 'after-100',
          }}
        />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      screen.getByText(
        '130 entities would be affected, owned by 1 team; none has spent its error budget.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Showing the nearest 100 of 130.')).toBeVisible();
    const table = screen.getByRole('region', {
      name: 'Impacted entities, nearest first',
    });
    expect(table).toHaveTextContent('1-20 of 100');

    fireEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    await waitFor(() => expect(table).toHaveTextContent('1-20 of 130'));
    expect(api.getImpact).toHaveBeenCalledWith({
      entityRef: 'resource:default/shared-test-db',
      direction: 'downstream',
      maxDepth: 3,
      limit: 100,
      cursor: 'after-100',
    });
    // The last page came: nothing more to show.
    expect(
      screen.queryByRole('button', { name: 'Show 100 more' }),
    ).not.toBeInTheDocument();
  });

  it('keeps the page it has and says why when the next one fails', async () => {
    const api = mockReliabilityApi([]);
    api.getImpact.mockRejectedValue(new Error('Service Unavailable'));
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <ImpactView
          title="Shared test database"
          maxDepth={3}
          impact={{
            ...downstream,
            impacted: [service(0)],
            summary,
            cursor: 'after-1',
          }}
        />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load more: Service Unavailable',
    );
    expect(screen.getByText('Service 000')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Show 100 more' })).toBeEnabled();
  });
});

describe('impactMarkdown', () => {
  it('names every owner from the summary, then the entities loaded, grouped by owner', () => {
    expect(impactMarkdown(downstream, 'Shared test database')).toBe(
      [
        '## Before you change Shared test database',
        '',
        '2 entities would be affected, owned by 1 team; 1 has spent its error budget.',
        '',
        '### Owners affected',
        '',
        '- group:default/payments: 2 entities',
        '',
        '#### Payments',
        '',
        '- Settlement batch (component:default/settlement-batch), depth 1 via hidden: on call Bob Okafor, budget -20% left (freeze)',
        '- Ledger service (component:default/ledger-service), depth 2 via declared: nobody on call',
        '',
      ].join('\n'),
    );
  });

  it('says which part of a longer answer it lists', () => {
    const text = impactMarkdown(
      {
        ...downstream,
        impacted: [downstream.impacted[0]],
        summary: {
          ...downstream.summary,
          entities: 4000,
          owners: [
            { ref: 'group:default/payments', count: 3000 },
            { ref: 'group:default/commerce', count: 1000 },
          ],
        },
        cursor: 'more',
      },
      'Shared test database',
    );
    expect(text).toContain('- group:default/commerce: 1000 entities');
    expect(text).toContain('### The nearest 1 of 4000');
  });

  it('keeps two teams with the same title apart, and says when nothing depends on it', () => {
    const twins = {
      ...downstream,
      impacted: [
        downstream.impacted[0],
        {
          ...downstream.impacted[1],
          owner: { ref: 'group:emea/payments', title: 'Payments' },
        },
      ],
    };
    expect(
      impactMarkdown(twins, 'Shared test database').match(/#### Payments/g),
    ).toHaveLength(2);
    expect(
      impactMarkdown(
        {
          ...downstream,
          impacted: [],
          summary: {
            entities: 0,
            owners: [],
            byDepth: {},
            frozen: 0,
            hidden: 0,
          },
        },
        'Shared test database',
      ),
    ).toContain('Nothing depends on it.');
  });
});
