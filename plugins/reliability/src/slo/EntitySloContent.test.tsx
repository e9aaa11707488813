import { screen, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { renderForEntity } from '../__testUtils__/renderForEntity';
import {
  mockReliabilityApi,
  sloItem,
} from '../__testUtils__/mockReliabilityApi';
import { EntitySloContent } from './EntitySloContent';

async function renderWith(api: ReturnType<typeof mockReliabilityApi>) {
  await renderForEntity(<EntitySloContent />, api);
}

describe('EntitySloContent', () => {
  it("reads an SLO's verdict, SLI against target, budget, burn rates and alerts in words", async () => {
    const api = mockReliabilityApi([
      sloItem({
        objectiveName: 'Orders accepted',
        status: {
          state: 'warning',
          sli: 0.9962,
          errorBudget: { total: 0.005, consumed: 0.76, remaining: 0.24 },
          burnRates: {
            '5m': 8,
            '30m': 8,
            '1h': 8,
            '2h': 8,
            '6h': 8,
            '1d': 2.1,
            '3d': 0.8,
          },
          alerts: [
            {
              severity: 'page',
              longWindow: '1h',
              shortWindow: '5m',
              factor: 13.44,
              firing: false,
            },
            {
              severity: 'page',
              longWindow: '6h',
              shortWindow: '30m',
              factor: 5.6,
              firing: true,
            },
          ],
        },
      }),
    ]);
    await renderWith(api);

    expect(
      await screen.findByText('Orders availability: Orders accepted'),
    ).toBeInTheDocument();
    expect(screen.getByText('Warning')).toBeInTheDocument();
    expect(
      screen.getByText(
        'SLI 99.62% against a target of 99.5% over the 28-day window (good events).',
      ),
    ).toBeInTheDocument();
    // Why, first: the firing page alert and how fast the budget burns.
    expect(screen.getByTestId('slo-verdict')).toHaveTextContent(
      'The page alert 6h/30m is firing, burning 8.0× the sustainable rate; the 28-day error budget has 24% left. Target 99.5%.',
    );
    expect(
      screen.getByText('The 28-day error budget has 24% left'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Error budget left' }),
    ).toHaveAttribute('aria-valuenow', '24');
    const rates = screen.getByRole('table', { name: 'Burn rates' });
    expect(within(rates).getAllByRole('row')[1]).toHaveTextContent(
      '× sustainable8.0×8.0×8.0×8.0×8.0×2.1×0.8×',
    );
    expect(screen.getByText('page 6h/30m > 5.6×: firing')).toBeInTheDocument();
    expect(
      screen.getByText('page 1h/5m > 13.44×: not firing'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: /^The error budget went from 60% left on .* to 24% left now$/,
      }),
    ).toBeInTheDocument();
    expect(api.getSloHistory).toHaveBeenCalledWith(
      { kind: 'slo', namespace: 'default', name: 'orders-availability' },
      { objective: 0 },
    );
  });

  it('lists the worst SLO first', async () => {
    await renderWith(
      mockReliabilityApi([
        sloItem({ title: 'Healthy one' }),
        sloItem({
          ref: 'slo:default/broken',
          title: 'Frozen one',
          status: {
            state: 'freeze',
            sli: 0.98,
            errorBudget: { total: 0.005, consumed: 4, remaining: -3 },
          },
        }),
      ]),
    );
    const titles = (await screen.findAllByText(/ one$/)).map(
      e => e.textContent,
    );
    expect(titles).toEqual(['Frozen one', 'Healthy one']);
    expect(
      screen.getByText(
        'The 28-day error budget is spent (-300% left): releases stop except for fixes',
      ),
    ).toBeInTheDocument();
  });

  it('names the runbook that covers an SLO in trouble, and none beside a healthy one', async () => {
    const api = mockReliabilityApi([
      sloItem({ name: 'orders-latency', title: 'Healthy one' }),
      sloItem({
        ref: 'slo:default/broken',
        name: 'orders-availability',
        title: 'Frozen one',
        status: {
          state: 'freeze',
          errorBudget: { total: 0.005, consumed: 4, remaining: -3 },
        },
      }),
    ]);
    api.getEntityRunbooks.mockResolvedValue({
      items: [
        {
          title: 'Roll back the orders service',
          url: 'https://runbooks.example.com/orders/rollback',
          covers: ['orders-availability', 'orders-latency'],
          lastDrill: null,
          fresh: false,
          reason: 'Never drilled: do not rely on it yet',
        },
      ],
    });
    await renderWith(api);
    const link = await screen.findByRole('link', {
      name: /Roll back the orders service/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://runbooks.example.com/orders/rollback',
    );
    expect(screen.getAllByText(/^Runbook:/)).toHaveLength(1);
  });

  it('ends the budget chart on the number the card says, with round axis labels', async () => {
    const api = mockReliabilityApi([
      sloItem({
        status: {
          state: 'freeze',
          sli: 0.9978,
          errorBudget: { total: 0.001, consumed: 2.2, remaining: -1.2 },
        },
      }),
    ]);
    api.getSloHistory.mockResolvedValue({
      step: 3600,
      points: [
        {
          t: '2026-11-01T10:00:00.000Z',
          sli: 0.9993,
          errorBudgetRemaining: 0.7,
        },
        { t: '2026-11-15T10:00:00.000Z', sli: 0.999, errorBudgetRemaining: 0 },
        {
          t: '2026-12-01T10:00:00.000Z',
          sli: 0.9978,
          errorBudgetRemaining: -1.19,
        },
      ],
    });
    await renderWith(api);

    const chart = await screen.findByRole('img', {
      name: /^The error budget went from 70% left on .* to -120% left now$/,
    });
    // Labels at round steps (100%, 0%, -150%), never at the history's own lowest point.
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(screen.getByText('-150%')).toBeInTheDocument();
    expect(screen.queryByText('-119%')).toBeNull();
    // The line's last point is the card's -120%: 2.2 of the axis's 2.5 below its top.
    const line = chart.querySelector('polyline')!.getAttribute('points')!;
    const [, lastY] = line.split(' ').pop()!.split(',').map(Number);
    expect(lastY).toBeCloseTo((2.2 / 2.5) * 120);
  });

  it('shows stale values with the reason the source is unavailable', async () => {
    await renderWith(
      mockReliabilityApi([
        sloItem({
          status: {
            stale: true,
            error:
              'Prometheus at http://prometheus:9090 is unreachable: ECONNREFUSED',
          },
        }),
      ]),
    );
    expect(await screen.findByText('OK (stale)')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Warning: Showing the last known values: the SLI source is unavailable',
      ),
    ).toBeInTheDocument();
  });

  it('says why an SLO cannot be evaluated, and that no data is not 100%', async () => {
    await renderWith(
      mockReliabilityApi([
        sloItem({
          title: 'Broken query',
          status: {
            state: 'error',
            sli: null,
            errorBudget: { total: 0.005, consumed: null, remaining: null },
            error: 'Prometheus rejected the query (bad_data): parse error',
          },
        }),
        sloItem({
          ref: 'slo:default/quiet',
          title: 'Quiet service',
          status: {
            state: 'no-data',
            sli: null,
            errorBudget: { total: 0.005, consumed: null, remaining: null },
          },
        }),
      ]),
    );
    expect(
      await screen.findByText('Error: This SLO cannot be evaluated'),
    ).toBeInTheDocument();
    expect(screen.getByText(/parse error/)).toBeInTheDocument();
    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(
      screen.getAllByText('No events in the window, so no SLI (target 99.5%).'),
    ).toHaveLength(2);
  });

  it('shows a neutral pending state before the first evaluation, with no values and no error', async () => {
    await renderWith(
      mockReliabilityApi([
        sloItem({
          status: {
            state: 'pending',
            sli: null,
            errorBudget: { total: 0.005, consumed: null, remaining: null },
            error: null,
            evaluatedAt: null,
          },
        }),
      ]),
    );
    expect(await screen.findByText('Pending')).toBeInTheDocument();
    expect(screen.getByTestId('slo-verdict')).toHaveTextContent(
      'Not evaluated yet: the first evaluation runs shortly after the backend starts.',
    );
    expect(screen.queryByText(/^Error/)).toBeNull();
    expect(screen.queryByRole('table', { name: 'Burn rates' })).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('explains how to add an SLO when the entity has none', async () => {
    await renderWith(mockReliabilityApi([]));
    expect(await screen.findByText('No SLOs yet')).toBeInTheDocument();
    // The snippet to paste names this very entity.
    expect(document.body).toHaveTextContent('service: orders-service');
  });

  it('shows the error when the backend fails', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/orders-service',
        },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    );
    await renderWith(
      mockReliabilityApi(await ResponseError.fromResponse(response as never)),
    );
    expect(
      (
        await screen.findAllByText(
          /No entity component:default\/orders-service/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });
});
