import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IncidentMetrics } from '@reliability-suite/backstage-plugin-reliability-common';
import {
  escalationResponse,
  mockReliabilityApi,
} from '../__testUtils__/mockReliabilityApi';
import {
  ordersService,
  renderForEntity,
} from '../__testUtils__/renderForEntity';
import { openIncident } from '../__testUtils__/incidents';
import { EntityIncidentsContent } from './EntityIncidentsContent';

// recharts measures its container; jsdom has none.
beforeAll(() => {
  (global as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const stats = (median: number | null, mean: number | null, count: number) => ({
  median,
  mean,
  count,
});

const metrics: IncidentMetrics = {
  count: 3,
  bySeverity: { SEV1: 1, SEV2: 2, SEV3: 0, SEV4: 0 },
  byCause: {
    hardware: 0,
    network: 0,
    database: 2,
    code: 0,
    config: 1,
    capacity: 0,
    dependency: 0,
    test: 0,
    process: 0,
    unknown: 0,
  },
  mttd: stats(7, 9.5, 3),
  mtta: stats(2, 2, 3),
  mttm: stats(45, 50, 2),
  mttr: stats(125, 150, 2),
  openActionItems: 4,
  postmortemsMissing: 1,
};

function apiWith() {
  const api = mockReliabilityApi([], escalationResponse());
  const resolved = {
    ...openIncident,
    id: 3,
    title: 'Config change rolled back',
    status: 'resolved' as const,
    cause: 'config' as const,
    resolvedAt: '2026-11-20T10:20:00.000Z',
  };
  api.listEntityIncidents.mockImplementation(async (_entity, options) => {
    if (options?.status === 'open')
      return { items: [openIncident], cursor: null };
    if (options?.cursor === 'page-2')
      return { items: [resolved], cursor: null };
    return { items: [openIncident], cursor: options?.from ? null : 'page-2' };
  });
  api.getEntityIncidentMetrics.mockResolvedValue(metrics);
  return api;
}

describe('EntityIncidentsContent', () => {
  it('shows open incidents, how often and how fast, and the history a page at a time', async () => {
    const api = apiWith();
    await renderForEntity(<EntityIncidentsContent />, api, ordersService);

    const open = await screen.findByRole('list', { name: 'Open incidents' });
    expect(open).toHaveTextContent('SEV2 Orders are slow to save');
    expect(open).toHaveTextContent('Investigating since Fri 20 Nov, 10:00');
    expect(open).toHaveTextContent('#inc-orders');
    expect(within(open).getByRole('link')).toHaveAttribute(
      'href',
      '/incidents/7',
    );

    expect(
      screen.getByText(
        /3 incidents in the last 13 weeks \(3 incidents in all\)\. 4 open action items; 1 postmortem overdue\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('By severity: SEV1 1 · SEV2 2'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('By cause: Database 2 · Configuration 1'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('median 2 h 5 min, mean 2 h 30 min (2 incidents)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /Incidents per week over the last 13 weeks/,
      }),
    ).toBeInTheDocument();

    const history = screen.getByRole('region', { name: 'Incident history' });
    await waitFor(() =>
      expect(within(history).getAllByRole('row')).toHaveLength(2),
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Show older incidents' }),
    );
    await waitFor(() =>
      expect(within(history).getAllByRole('row')).toHaveLength(3),
    );
    const rows = within(history)
      .getAllByRole('row')
      .map(r => r.textContent);
    expect(rows[2]).toContain('Config change rolled back');
    expect(rows[2]).toContain('20 min');
    expect(rows[2]).toContain('Configuration');
    expect(rows[2]).toContain('to write');
    expect(
      screen.queryByRole('button', { name: 'Show older incidents' }),
    ).not.toBeInTheDocument();
  });

  it('declares an incident with what depends on it, then gives the first notice and whom to page', async () => {
    const api = apiWith();
    api.getImpact.mockResolvedValue({
      root: 'component:default/orders-service',
      direction: 'downstream',
      impacted: [
        {
          entityRef: 'component:default/api-gateway',
          title: 'API gateway',
          kind: 'Component',
          depth: 1,
          path: [
            'component:default/orders-service',
            'component:default/api-gateway',
          ],
          via: 'declared',
          owner: { ref: 'group:default/platform', title: 'Platform' },
          lifecycle: 'production',
          onCall: [{ userRef: 'user:default/erin', displayName: 'Erin Walsh' }],
          slo: null,
        },
        {
          entityRef: 'component:default/web-storefront',
          title: 'Web storefront',
          kind: 'Component',
          depth: 2,
          path: [],
          via: 'declared',
          owner: { ref: 'group:default/commerce', title: 'Commerce' },
          lifecycle: 'production',
          onCall: [],
          slo: null,
        },
      ],
      summary: { entities: 2, owners: [], byDepth: {}, frozen: 0, hidden: 0 },
      truncated: false,
      cursor: null,
    });
    api.declareIncident.mockImplementation(async input => ({
      ...openIncident,
      id: 42,
      title: input.title,
      severity: input.severity,
      channel: input.channel ?? null,
      startedAt: input.startedAt,
    }));
    await renderForEntity(<EntityIncidentsContent />, api, ordersService);

    fireEvent.click(
      await screen.findByRole('button', { name: 'Declare incident' }),
    );
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('API gateway (Platform)');
    fireEvent.change(within(dialog).getByLabelText(/What is happening/), {
      target: { value: 'Orders fail to save' },
    });
    fireEvent.change(within(dialog).getByLabelText('Response channel'), {
      target: { value: '#inc-orders' },
    });
    // Web storefront is suggested too; it is not affected this time.
    fireEvent.click(within(dialog).getByLabelText('Web storefront (Commerce)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Declare' }));

    await within(dialog).findByText(/Incident 42 declared/);
    expect(api.declareIncident).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Orders fail to save',
        severity: 'SEV2',
        status: 'investigating',
        channel: '#inc-orders',
        entities: [
          { entityRef: 'component:default/orders-service', role: 'root-cause' },
          { entityRef: 'component:default/api-gateway', role: 'affected' },
        ],
      }),
    );
    const notice = within(dialog).getByTestId('first-notice');
    expect(notice).toHaveTextContent('SEV2 incident: Orders fail to save');
    expect(notice).toHaveTextContent(
      'Root cause: orders-service (Commerce): on call Dave Tanaka',
    );
    expect(notice).toHaveTextContent('Affected: 1 entity, owned by Platform');
    expect(notice).toHaveTextContent(
      '- API gateway (Platform): on call Erin Walsh',
    );
    expect(notice).toHaveTextContent('Response channel: #inc-orders');
    expect(notice).toHaveTextContent('/incidents/42');
    const page = within(dialog).getByRole('list', { name: 'Whom to page' });
    expect(page).toHaveTextContent('orders-service (Commerce): Dave Tanaka');
    expect(page).toHaveTextContent('API gateway (Platform): Erin Walsh');
    expect(page).not.toHaveTextContent('Web storefront');
  });

  it('keeps the dialog and says why when the declaration is refused', async () => {
    const api = apiWith();
    api.getImpact.mockResolvedValue({
      root: 'component:default/orders-service',
      direction: 'downstream',
      impacted: [],
      summary: { entities: 0, owners: [], byDepth: {}, frozen: 0, hidden: 0 },
      truncated: false,
      cursor: null,
    });
    api.declareIncident.mockRejectedValue(
      new Error(
        'startedAt: must be an ISO-8601 time with a zone from 2000 to 2100',
      ),
    );
    await renderForEntity(<EntityIncidentsContent />, api, ordersService);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Declare incident' }),
    );
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Nothing depends on it.');
    fireEvent.change(within(dialog).getByLabelText(/What is happening/), {
      target: { value: 'Orders fail' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Declare' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'startedAt: must be an ISO-8601 time',
    );
    expect(within(dialog).getByLabelText(/What is happening/)).toHaveValue(
      'Orders fail',
    );
  });
});
