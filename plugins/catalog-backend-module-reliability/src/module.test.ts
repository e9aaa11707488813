import {
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
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
    const failed = await eventually(async () => {
      const res = await request(server).get(
        '/api/catalog/entities/unprocessed/failed',
      );
      return res.body.entities?.length === 3 ? res.body.entities : undefined;
    }, 'three rejected entities');

    const reasons = Object.fromEntries(
      failed.map((e: any) => [
        e.entity_ref,
        e.errors.map((error: any) => error.message).join('\n'),
      ]),
    );
    expect(Object.keys(reasons).sort()).toEqual([
      'escalationpolicy:default/checkout-escalation',
      'slo:default/checkout-latency-impossible-target',
      'slo:default/checkout-no-indicator',
    ]);
    expect(reasons['slo:default/checkout-latency-impossible-target']).toContain(
      'spec.objectives[0].target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got 1.5',
    );
    expect(reasons['slo:default/checkout-no-indicator']).toContain(
      'the SLO has no indicator',
    );
    expect(reasons['escalationpolicy:default/checkout-escalation']).toContain(
      'spec.levels must list at least one escalation level',
    );

    for (const ref of [
      'component/default/checkout',
      'slo/default/checkout-availability',
      'sli/default/checkout-latency',
    ]) {
      const res = await request(server).get(
        `/api/catalog/entities/by-name/${ref}`,
      );
      expect({ ref, status: res.status }).toEqual({ ref, status: 200 });
    }
  });
});
