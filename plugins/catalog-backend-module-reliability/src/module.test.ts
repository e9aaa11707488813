import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleUnprocessedEntities from '@backstage/plugin-catalog-backend-module-unprocessed';
import request from 'supertest';
import catalogModuleReliability from '.';

jest.setTimeout(60_000);

const fixture = resolvePackagePath(
  '@reliability-suite/backstage-plugin-catalog-backend-module-reliability',
  'src/__fixtures__/malformed-slos.yaml',
);

async function eventually<T>(
  attempt: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) {
      return result;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('catalogModuleReliability in a running catalog', () => {
  it('loads valid reliability entities and rejects only the malformed ones, with readable reasons', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleUnprocessedEntities,
        catalogModuleReliability,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: ['Component', 'SLO', 'SLI', 'EscalationPolicy'],
                },
              ],
              locations: [{ type: 'file', target: fixture }],
            },
          },
        }),
      ],
    });
    // A never-valid entity is listed as pending or failed depending on how far stitching got;
    // either way its processing errors travel with it.
    const reasons = await eventually(async () => {
      const listed = [];
      for (const reason of ['pending', 'failed']) {
        const res = await request(server).get(
          `/api/catalog/entities/unprocessed/${reason}`,
        );
        listed.push(...(res.body.entities ?? []));
      }
      const withErrors = listed.filter((e: any) => e.errors?.length > 0);
      if (withErrors.length < 3) {
        return undefined;
      }
      return Object.fromEntries(
        withErrors.map((e: any) => [
          `${e.unprocessed_entity.kind}:${e.unprocessed_entity.metadata.name}`.toLocaleLowerCase(
            'en-US',
          ),
          e.errors.map((error: any) => error.message).join('\n'),
        ]),
      );
    }, 'three rejected entities with their errors');

    expect(Object.keys(reasons).sort()).toEqual([
      'escalationpolicy:checkout-escalation',
      'slo:checkout-latency-impossible-target',
      'slo:checkout-no-indicator',
    ]);
    expect(reasons['slo:checkout-latency-impossible-target']).toContain(
      'spec.objectives[0].target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got 1.5',
    );
    expect(reasons['slo:checkout-no-indicator']).toContain(
      'the SLO has no indicator',
    );
    expect(reasons['escalationpolicy:checkout-escalation']).toContain(
      'spec.levels must list at least one escalation level',
    );

    // The valid entities of the same location load.
    const loaded = async (ref: string, ready: (entity: any) => boolean) =>
      eventually(async () => {
        const res = await request(server).get(
          `/api/catalog/entities/by-name/${ref}`,
        );
        return res.status === 200 && ready(res.body) ? res.body : undefined;
      }, `${ref} to load`);
    await loaded('sli/default/checkout-latency', () => true);

    // The SLO and its component point at each other.
    const slo = await loaded('slo/default/checkout-availability', e =>
      e.relations?.some((r: any) => r.type === 'sloOf'),
    );
    expect(slo.relations).toContainEqual(
      expect.objectContaining({
        type: 'sloOf',
        targetRef: 'component:default/checkout',
      }),
    );
    expect(slo.metadata.labels).toEqual({ tier: 'critical_customer-facing' });
    const component = await loaded('component/default/checkout', e =>
      e.relations?.some((r: any) => r.type === 'hasSlo'),
    );
    expect(component.relations.filter((r: any) => r.type === 'hasSlo')).toEqual(
      [
        expect.objectContaining({
          targetRef: 'slo:default/checkout-availability',
        }),
      ],
    );
  });
});
