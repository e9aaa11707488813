import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { CatalogReadFilter } from './CatalogReadFilter';

const refs = ['component:default/a', 'component:default/b'];

function filterWith(decide: (userRef: string) => PolicyDecision) {
  const authorizeConditional = jest.fn(
    async (_requests: unknown[], { credentials }: { credentials: any }) => [
      decide(credentials.principal.userEntityRef),
    ],
  );
  const filter = new CatalogReadFilter({
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'a', namespace: 'default' },
        },
      ],
    }),
    permissions: mockServices.permissions.mock({
      authorizeConditional: authorizeConditional as any,
    }),
  });
  return { filter, authorizeConditional };
}

describe('CatalogReadFilter', () => {
  afterEach(() => jest.useRealTimers());

  it('lets through every ref when allowed, none when denied', async () => {
    const { filter } = filterWith(user =>
      user === 'user:default/reader'
        ? { result: AuthorizeResult.ALLOW }
        : { result: AuthorizeResult.DENY },
    );
    expect(
      await filter.readable(refs, mockCredentials.user('user:default/reader')),
    ).toEqual(new Set(refs));
    expect(
      await filter.readable(refs, mockCredentials.user('user:default/other')),
    ).toEqual(new Set());
  });

  it('lets the catalog apply a conditional decision', async () => {
    const { filter } = filterWith(() => ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'HAS_METADATA',
        resourceType: 'catalog-entity',
        params: { key: 'name' },
      },
    }));
    expect(await filter.readable(refs, mockCredentials.user())).toEqual(
      new Set(['component:default/a']),
    );
  });

  it("reuses a caller's decision for five seconds, then asks again", async () => {
    jest.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') });
    let allowed = true;
    const { filter, authorizeConditional } = filterWith(() =>
      allowed
        ? { result: AuthorizeResult.ALLOW }
        : { result: AuthorizeResult.DENY },
    );
    const reader = mockCredentials.user('user:default/reader');

    await Promise.all([
      filter.readable(refs, reader),
      filter.readable(refs, reader),
    ]);
    expect(authorizeConditional).toHaveBeenCalledTimes(1);

    allowed = false;
    jest.setSystemTime(new Date('2026-11-22T10:00:04.900Z'));
    expect(await filter.readable(refs, reader)).toEqual(new Set(refs));
    await filter.readable(refs, mockCredentials.user('user:default/other'));
    expect(authorizeConditional).toHaveBeenCalledTimes(2);

    jest.setSystemTime(new Date('2026-11-22T10:00:05Z'));
    expect(await filter.readable(refs, reader)).toEqual(new Set());
    expect(authorizeConditional).toHaveBeenCalledTimes(3);
  });

  it('asks again after a failed decision', async () => {
    const { filter, authorizeConditional } = filterWith(() => ({
      result: AuthorizeResult.ALLOW,
    }));
    authorizeConditional.mockRejectedValueOnce(new Error('connection refused'));

    await expect(filter.readable(refs, mockCredentials.user())).rejects.toThrow(
      'connection refused',
    );
    expect(await filter.readable(refs, mockCredentials.user())).toEqual(
      new Set(refs),
    );
    expect(authorizeConditional).toHaveBeenCalledTimes(2);
  });
});
