import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../api';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { LookupPage } from './LookupPage';

describe('LookupPage', () => {
  it('finds who to page as you type', async () => {
    const api = mockReliabilityApi([]);
    api.lookup.mockResolvedValue({
      items: [
        {
          entityRef: 'resource:default/orders-db',
          title: 'Orders database',
          kind: 'Resource',
          owner: { ref: 'group:default/commerce', title: 'Commerce' },
          onCall: [
            {
              level: 1,
              userRef: 'user:default/dave',
              displayName: 'Dave Tanaka',
              until: '2026-11-23T10:00:00.000Z',
              timeZone: 'Asia/Seoul',
            },
            {
              level: 2,
              userRef: 'user:default/grace',
              displayName: 'Grace Liu',
              until: null,
              timeZone: null,
            },
          ],
          escalateNext: {
            next: {
              level: 2,
              delayMinutes: 15,
              targets: ['Grace Liu'],
              users: ['user:default/grace'],
            },
            skippedLevels: [],
          },
          contacts: { slack: '#commerce-oncall' },
          escalationPolicy: {
            ref: 'escalationpolicy:default/commerce-oncall',
            source: 'owner',
          },
        },
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <LookupPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(screen.getByText(/results show as you type/)).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Search who to page'), {
      target: { value: 'orders-db' },
    });
    const results = await screen.findByRole('list', { name: 'Who to page' });
    expect(api.lookup).toHaveBeenCalledWith('orders-db', 20);
    const [item] = within(results).getAllByRole('listitem');
    expect(
      within(item).getByRole('link', { name: 'Orders database' }),
    ).toHaveAttribute('href', '/catalog/default/resource/orders-db');
    // Until when in the viewer's zone, which is UTC here, and in the rotation's.
    expect(item).toHaveTextContent(
      'Orders database (Resource, owned by Commerce)Page Dave Tanaka until Mon 23 Nov, 10:00 (Mon 23 Nov, 19:00 GMT+9, Asia/Seoul)Then: Grace Liu after 15 minutesReach them: slack: #commerce-oncall',
    );
  });

  it('says when nothing matches', async () => {
    const api = mockReliabilityApi([]);
    api.lookup.mockResolvedValue({ items: [] });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <LookupPage />
      </TestApiProvider>,
    );
    fireEvent.change(screen.getByLabelText('Search who to page'), {
      target: { value: 'nothing-here' },
    });
    await waitFor(() =>
      expect(
        screen.getByText(/^Nothing matches “nothing-here”$/),
      ).toBeInTheDocument(),
    );
  });
});
