import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import {
  entityDependenciesContent,
  entityEscalationCard,
  entityIncidentsContent,
  incidentsPage,
  entityReliabilityContent,
  entitySloContent,
  entitySloSummaryCard,
  lookupPage,
} from './alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { reliabilityApiRef } from './api';
import { incidentsRouteRef } from './routes';
import {
  mockReliabilityApi,
  sloItem,
} from './__testUtils__/mockReliabilityApi';
import { entityOverview } from './__testUtils__/overview';
import { ordersService } from './__testUtils__/renderForEntity';

const noTime = { median: null, mean: null, count: 0 };
const noIncidentMetrics = {
  count: 0,
  bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
  byCause: {
    hardware: 0,
    network: 0,
    database: 0,
    code: 0,
    config: 0,
    capacity: 0,
    dependency: 0,
    test: 0,
    process: 0,
    unknown: 0,
  },
  mttd: noTime,
  mtta: noTime,
  mttm: noTime,
  mttr: noTime,
  openActionItems: 0,
  postmortemsMissing: 0,
};

function api() {
  const mock = mockReliabilityApi([sloItem()]);
  mock.getEntityDependencies.mockResolvedValue({
    declared: [],
    observed: [],
    hidden: [],
    unobserved: [],
    unknown: [],
  });
  mock.getImpact.mockImplementation(async ({ entityRef, direction }) => ({
    root: entityRef,
    direction,
    impacted: [],
    summary: { entities: 0, owners: [], byDepth: {}, frozen: 0, hidden: 0 },
    truncated: false,
    cursor: null,
  }));
  mock.getEntityIncidentMetrics.mockResolvedValue(noIncidentMetrics);
  mock.getEntityOverview.mockResolvedValue(entityOverview());
  return mock;
}

// recharts measures its container; jsdom has none.
beforeAll(() => {
  (global as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

/** What each extension's loader renders, through the new frontend system. */
describe.each([
  [entityReliabilityContent, 'Escalate next'],
  [entitySloContent, 'SLI 99.75% against a target of 99.5%'],
  [entityDependenciesContent, 'Before you change orders-service'],
  [entitySloSummaryCard, 'SLOs and error budgets'],
  [entityEscalationCard, 'Ownership & escalation'],
  [entityIncidentsContent, 'No incidents in the last 13 weeks'],
])('extension %#', (extension, text) => {
  it(`loads and renders "${text}"`, async () => {
    renderInTestApp(
      <EntityProvider entity={ordersService}>
        {createExtensionTester(
          extension as typeof entitySloContent,
        ).reactElement()}
      </EntityProvider>,
      {
        apis: [[reliabilityApiRef, api()]],
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/incidents': convertLegacyRouteRef(incidentsRouteRef),
        },
      },
    );
    expect(
      (await screen.findAllByText(text, { exact: false })).length,
    ).toBeGreaterThan(0);
  });
});

describe('incidentsPage', () => {
  it('loads open incidents across the portal', async () => {
    renderInTestApp(createExtensionTester(incidentsPage).reactElement(), {
      apis: [[reliabilityApiRef, api()]],
    });
    expect(await screen.findByText('No open incidents.')).toBeInTheDocument();
  });
});

describe('lookupPage', () => {
  it('loads the "Who do I page?" page', async () => {
    renderInTestApp(createExtensionTester(lookupPage).reactElement(), {
      apis: [[reliabilityApiRef, api()]],
    });
    // The lazy page replaces its placeholder as it loads: wait for the settled page.
    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: 'Search who to page' }),
      ).toBeInTheDocument(),
    );
    // One header, the app's: the page does not draw a second one under it.
    expect(
      screen.getAllByRole('heading', { name: 'Who do I page?' }),
    ).toHaveLength(1);
  });
});
