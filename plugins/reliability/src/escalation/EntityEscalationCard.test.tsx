import { screen, within } from '@testing-library/react';
import { renderForEntity } from '../__testUtils__/renderForEntity';
import {
  escalationResponse,
  mockReliabilityApi,
} from '../__testUtils__/mockReliabilityApi';
import { EntityEscalationCard } from './EntityEscalationCard';

async function renderWith(api: ReturnType<typeof mockReliabilityApi>) {
  await renderForEntity(<EntityEscalationCard />, api);
}

describe('EntityEscalationCard', () => {
  it('shows owner, on call now, the levels with their delays, contacts and the schedule', async () => {
    const api = mockReliabilityApi([], escalationResponse());
    api.getOnCallSchedule.mockResolvedValue({
      rotations: [
        {
          policy: 'escalationpolicy:default/commerce-oncall',
          rotation: 'primary',
          timeZone: 'Europe/London',
          shifts: [
            {
              userRef: 'user:default/dave',
              from: new Date().toISOString(),
              until: new Date(Date.now() + 86_400_000).toISOString(),
            },
            {
              userRef: 'user:default/carol',
              from: new Date(Date.now() + 86_400_000).toISOString(),
              until: new Date(Date.now() + 8 * 86_400_000).toISOString(),
            },
          ],
        },
      ],
    });
    await renderWith(api);

    expect(
      await screen.findByText("(the owner's policy)", { exact: false }),
    ).toBeInTheDocument();
    const onCall = screen.getByRole('list', { name: 'On call now' });
    expect(
      within(onCall).getByRole('link', { name: 'Dave Tanaka' }),
    ).toHaveAttribute('href', '/catalog/default/user/dave');
    expect(onCall).toHaveTextContent('(primary)');
    const levels = screen.getByRole('list', { name: 'Escalation levels' });
    expect(
      within(levels)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Level 1, at once: primary rotation (Europe/London)Reaches dave',
      'Level 2 after 20 minutes: SREReaches grace, henry',
    ]);
    expect(
      screen.getByRole('link', { name: /^commerce-oncall@example.com/ }),
    ).toHaveAttribute('href', 'mailto:commerce-oncall@example.com');
    const shifts = await screen.findByRole('list', { name: 'primary shifts' });
    expect(
      within(shifts)
        .getAllByRole('listitem')
        .map(s => s.textContent),
    ).toEqual(['dave', 'carol']);
    // A short shift's bar cuts the name: hover says whose shift it is and when.
    expect(within(shifts).getAllByRole('listitem')[1].title).toMatch(
      /^carol: .+ – .+ \(.+ – .+\)$/,
    );
    expect(api.getOnCallSchedule).toHaveBeenCalledWith(
      'group:default/commerce',
      {
        from: expect.any(String),
        to: expect.any(String),
      },
    );
  });

  it('shows the warnings and offers a policy to paste when none applies', async () => {
    await renderWith(
      mockReliabilityApi(
        [],
        escalationResponse({
          escalationPolicy: { ref: null, source: 'none' },
          onCall: [],
          levels: [],
          contacts: {},
          warnings: [
            'No escalation policy covers component:default/orders-service',
          ],
        }),
      ),
    );
    expect(
      await screen.findByText('Nobody at the first level right now'),
    ).toBeInTheDocument();
    expect(screen.getByText(/No escalation policy covers/)).toBeInTheDocument();
    expect(document.body).toHaveTextContent('kind: EscalationPolicy');
  });
});
