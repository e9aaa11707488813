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
  entityReliabilityContent,
  entitySloContent,
  entitySloSummaryCard,
  lookupPage,
} from './alpha';
import { reliabilityApiRef } from './api';
import {
  mockReliabilityApi,
  sloItem,
} from './__testUtils__/mockReliabilityApi';
import { ordersService } from './__testUtils__/renderForEntity';

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
    summary: { entities: 0, owners: [], byDepth: {}, frozen: 0 },
    truncated: false,
  }));
  return mock;
}

/** What each extension's loader renders, through the new frontend system. */
describe.each([
  [entityReliabilityContent, 'Escalate next'],
  [entitySloContent, 'SLI 99.75% against a target of 99.5%'],
  [entityDependenciesContent, 'Before you change orders-service'],
  [entitySloSummaryCard, 'SLOs and error budgets'],
  [entityEscalationCard, 'Ownership & escalation'],
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
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      (await screen.findAllByText(text, { exact: false })).length,
    ).toBeGreaterThan(0);
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
