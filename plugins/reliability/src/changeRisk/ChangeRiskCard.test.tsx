import { fireEvent, screen } from '@testing-library/react';
import { ChangeRiskReport } from '@reliability-suite/backstage-plugin-reliability-common';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import {
  ordersService,
  renderForEntity,
} from '../__testUtils__/renderForEntity';
import { ChangeRiskCard } from './ChangeRiskCard';

const report: ChangeRiskReport = {
  entityRef: 'component:default/orders-service',
  risk: 'high',
  reasons: [
    'Incident 12 (SEV2) is open on Web storefront.',
    '1 dependent relies on it without declaring it (seen in traffic or incidents), so its owner does not expect the change: Nightly reports.',
  ],
  releaseGate: 'warning',
  impacted: {
    entities: 2,
    owners: [],
    byDepth: {},
    frozen: 0,
    hidden: 0,
    truncated: false,
  },
  hiddenDependents: ['component:default/reports'],
  notify: [
    {
      owner: 'group:default/web',
      ownerTitle: 'Web',
      onCall: [{ userRef: 'user:default/erin', displayName: 'Erin Walsh' }],
      channel: '#web-oncall',
    },
    {
      owner: 'group:default/data',
      ownerTitle: 'Data',
      onCall: [],
      channel: null,
    },
  ],
  frozen: [],
  openIncidents: [12],
  staleRunbooks: [],
  counts: {
    hiddenDependents: 1,
    frozen: 0,
    openIncidents: 1,
    staleRunbooks: 0,
    notify: 2,
  },
};

describe('ChangeRiskCard', () => {
  it('gives the verdict, why, whom to tell, and the notice with the change described', async () => {
    const api = mockReliabilityApi([]);
    api.getChangeRisk.mockResolvedValue(report);
    await renderForEntity(<ChangeRiskCard entity={ordersService} />, api);
    expect(await screen.findByText('High risk')).toBeInTheDocument();
    expect(api.getChangeRisk).toHaveBeenCalledWith(
      'component:default/orders-service',
    );
    expect(screen.getByRole('list', { name: 'Why' })).toHaveTextContent(
      'Incident 12 (SEV2) is open on Web storefront.',
    );
    const owners = screen.getByRole('list', { name: 'Owners to tell' });
    expect(owners).toHaveTextContent('on call Erin Walsh · #web-oncall');
    expect(owners).toHaveTextContent('nobody on call');
    fireEvent.change(screen.getByLabelText(/What is the change/), {
      target: { value: 'Moving orders to the new cluster on Friday.' },
    });
    const notice = screen.getByTestId('change-notice');
    expect(notice).toHaveTextContent('## Planned change to orders-service');
    expect(notice).toHaveTextContent(
      'Moving orders to the new cluster on Friday.',
    );
    expect(notice).toHaveTextContent('**Change risk: High**');
    expect(
      screen.getByRole('button', { name: 'Copy the notice' }),
    ).toBeInTheDocument();
  });

  it('says why when the report cannot be read', async () => {
    const api = mockReliabilityApi([]);
    api.getChangeRisk.mockRejectedValue(new Error('No entity in the catalog'));
    await renderForEntity(<ChangeRiskCard entity={ordersService} />, api);
    expect(
      await screen.findByText('Error: No entity in the catalog'),
    ).toBeInTheDocument();
  });
});
