import { ReliabilityClient } from './ReliabilityClient';

describe('ReliabilityClient', () => {
  it('shares one request between identical reads in flight, and asks again afterwards', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ items: [] }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = new ReliabilityClient({
      discoveryApi: {
        getBaseUrl: async () => 'http://backstage/api/reliability',
      },
      fetchApi: { fetch },
    });
    const entity = {
      kind: 'Component',
      namespace: 'default',
      name: 'orders-service',
    };

    const [a, b] = await Promise.all([
      client.getEntityEscalation(entity),
      client.getEntityEscalation(entity),
    ]);
    expect(a).toEqual({ items: [] });
    expect(b).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage/api/reliability/entities/Component/default/orders-service/escalation',
    );

    await client.getEntityEscalation(entity);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
