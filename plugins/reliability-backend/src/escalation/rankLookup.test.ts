import { Entity } from '@backstage/catalog-model';
import { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { rankLookup } from './rankLookup';

function entity(
  kind: string,
  name: string,
  title: string,
  extra: { owner?: string; tags?: string[]; serviceName?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      title,
      tags: extra.tags,
      annotations: extra.serviceName
        ? { 'reliability.io/service-name': extra.serviceName }
        : undefined,
    },
    spec: { owner: extra.owner ?? 'group:default/payments' },
  };
}

const catalog = new CatalogSnapshot([
  entity('API', 'payments-api', 'Payments API'),
  entity('Component', 'paypal-adapter', 'PayPal adapter', {
    owner: 'group:default/partners',
  }),
  entity('System', 'payments', 'Payments'),
  entity('Component', 'payments-service', 'Payments service'),
  entity('Resource', 'payments-db', 'Payments database'),
  entity('Component', 'billing', 'Billing', {
    owner: 'group:default/finance',
    tags: ['payments'],
  }),
  entity('Component', 'ledger', 'Ledger service'),
  entity('Component', 'edge', 'Edge proxy', {
    owner: 'group:default/platform',
    serviceName: 'pay-edge',
  }),
  entity('Component', 'repay', 'Refunds', { owner: 'group:default/finance' }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', title: 'Payments' },
    spec: { type: 'team', children: [] },
  },
]);

const ranked = (query: string) =>
  rankLookup(catalog, query).map(found => found.ref);

describe('rankLookup', () => {
  it("puts prefixes of the entity's own name or title first, components before systems, resources and APIs, then by title", () => {
    expect(ranked('pay')).toEqual([
      'component:default/payments-service',
      'component:default/paypal-adapter',
      'system:default/payments',
      'resource:default/payments-db',
      'api:default/payments-api',
      // A substring of its own name.
      'component:default/repay',
      // Then tags, owners and service names, by kind and title.
      'component:default/billing',
      'component:default/edge',
      'component:default/ledger',
    ]);
  });

  it("puts an exact match on the entity's own name or title before any prefix", () => {
    expect(ranked('Payments').slice(0, 2)).toEqual([
      'system:default/payments',
      'component:default/payments-service',
    ]);
    expect(ranked('payments service')[0]).toBe(
      'component:default/payments-service',
    );
  });

  it('finds nothing for an empty query, and ignores case and surrounding spaces', () => {
    expect(ranked('  ')).toEqual([]);
    expect(ranked('  LEDGER ')).toEqual(['component:default/ledger']);
  });
});
