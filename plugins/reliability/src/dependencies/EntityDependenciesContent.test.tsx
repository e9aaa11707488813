import { Entity } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';
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
  },
  truncated: false,
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
              summary: { entities: 0, owners: [], byDepth: {}, frozen: 0 },
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
    const impacted = screen.getByRole('region', {
      name: 'Impacted entities by owner',
    });
    // Each row says whose it is: the owner's title and how many of the entities they own.
    const rows = within(impacted)
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(rows).toEqual([
      'OwnerEntityDepthPathOn callBudget',
      'Payments (2)Settlement batch1shared-test-db → settlement-batch (hidden)Bob OkaforFreeze -20% left',
      'Payments (2)Ledger service2shared-test-db → settlement-batch → ledger-service (declared)nobodyno SLO',
    ]);
    expect(api.getImpact).toHaveBeenCalledWith({
      entityRef: 'resource:default/shared-test-db',
      direction: 'downstream',
      maxDepth: 2,
    });
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
      summary: { entities: 0, owners: [], byDepth: {}, frozen: 0 },
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
  it('pages a long answer, keeping each owner’s entities under their group', async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      ...downstream.impacted[1],
      entityRef: `component:default/service-${String(i).padStart(2, '0')}`,
      title: `Service ${String(i).padStart(2, '0')}`,
      owner:
        i < 30
          ? { ref: 'group:default/payments', title: 'Payments' }
          : { ref: 'group:default/commerce', title: 'Commerce' },
    }));
    await renderInTestApp(
      <ImpactView
        title="Shared test database"
        impact={{
          ...downstream,
          impacted: many,
          summary: {
            entities: 45,
            owners: [
              { ref: 'group:default/payments', count: 30 },
              { ref: 'group:default/commerce', count: 15 },
            ],
            byDepth: { '2': 45 },
            frozen: 0,
          },
        }}
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      screen.getByText(
        '45 entities would be affected, owned by 2 teams; none has spent its error budget.',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('region', {
      name: 'Impacted entities by owner',
    });
    const links = () =>
      within(table)
        .getAllByRole('link')
        .map(link => link.textContent);
    expect(links()).toHaveLength(20);
    expect(table).toHaveTextContent('1-20 of 45');
    fireEvent.click(within(table).getByRole('button', { name: /next page/i }));
    expect(links()[0]).toBe('Service 20');
  });
});

describe('impactMarkdown', () => {
  it('groups the impacted entities by owner for the announcement', () => {
    expect(impactMarkdown(downstream, 'Shared test database')).toBe(
      [
        '## Before you change Shared test database',
        '',
        '2 entities would be affected, owned by 1 team; 1 has spent its error budget.',
        '',
        '### Payments',
        '',
        '- Settlement batch (component:default/settlement-batch), depth 1 via hidden: on call Bob Okafor, budget -20% left (freeze)',
        '- Ledger service (component:default/ledger-service), depth 2 via declared: nobody on call',
        '',
      ].join('\n'),
    );
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
      impactMarkdown(twins, 'Shared test database').match(/### Payments/g),
    ).toHaveLength(2);
    expect(
      impactMarkdown(
        {
          ...downstream,
          impacted: [],
          summary: { entities: 0, owners: [], byDepth: {}, frozen: 0 },
        },
        'Shared test database',
      ),
    ).toContain('Nothing depends on it.');
  });
});
