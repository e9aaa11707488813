import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openIncident } from '../__testUtils__/incidents';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { entityOverview } from '../__testUtils__/overview';
import {
  ordersService,
  renderForEntity,
} from '../__testUtils__/renderForEntity';
import { EntityReliabilityContent } from './EntityReliabilityContent';

function apiWith(overview = entityOverview()) {
  const api = mockReliabilityApi([]);
  api.getEntityOverview.mockResolvedValue(overview);
  return api;
}

describe('EntityReliabilityContent', () => {
  it('reads the whole overview in one request', async () => {
    const api = apiWith();
    await renderForEntity(<EntityReliabilityContent />, api);
    await screen.findByLabelText('Responder summary');
    expect(api.getEntityOverview).toHaveBeenCalledTimes(1);
    const others = Object.entries(api).filter(
      ([name, method]) =>
        name !== 'getEntityOverview' &&
        (method as jest.Mock).mock.calls.length > 0,
    );
    expect(others.map(([name]) => name)).toEqual([]);
  });

  it('leads with the owner, who is on call until when, whom next, how to reach them and the budget', async () => {
    await renderForEntity(<EntityReliabilityContent />, apiWith());
    const strip = await screen.findByLabelText('Responder summary');
    expect(
      within(strip).getByRole('link', { name: 'Commerce' }),
    ).toHaveAttribute('href', '/catalog/default/group/commerce');
    expect(strip).toHaveTextContent('Dave Tanaka until');
    expect(strip).toHaveTextContent('Europe/London');
    expect(strip).toHaveTextContent('SRE after 20 minutes');
    expect(strip).toHaveTextContent('slack: #commerce-oncall');
    expect(strip).toHaveTextContent('Freeze');
    expect(strip).toHaveTextContent('(and 1 more below)');
  });

  it('shows the cards in the order a responder needs them, the frozen SLO with its runbook', async () => {
    await renderForEntity(<EntityReliabilityContent />, apiWith());
    await screen.findByLabelText('Responder summary');
    // Card titles, in the order they appear on the page.
    const titles = [
      'SLOs and error budgets',
      'Open incidents',
      'Runbooks',
      'Upstream suspects',
      'Downstream impact',
      'Recent incidents',
    ].map(title => screen.getByText(title, { selector: 'span' }));
    titles
      .slice(1)
      .forEach((title, i) =>
        expect(
          titles[i].compareDocumentPosition(title) &
            Node.DOCUMENT_POSITION_FOLLOWING,
        ).toBeTruthy(),
      );
    const slos = screen.getByRole('list', { name: 'SLOs' });
    const [frozen, healthy] = within(slos).getAllByRole('listitem');
    expect(frozen).toHaveTextContent('Freeze');
    expect(
      within(frozen).getByRole('link', {
        name: /Roll back the orders service/,
      }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/orders/rollback');
    expect(within(healthy).queryByRole('link')).toBeNull();
  });

  it('says when each runbook was drilled, its time to mitigate beside real incidents, and flags one never drilled', async () => {
    await renderForEntity(<EntityReliabilityContent />, apiWith());
    const runbooks = await screen.findByRole('list', { name: 'Runbooks' });
    const [drilled, never] = within(runbooks).getAllByRole('listitem');
    expect(drilled).toHaveTextContent('Drilled');
    expect(drilled).toHaveTextContent(
      '12 min to mitigate in the drill, 25 min (median) in real incidents',
    );
    expect(never).toHaveTextContent('Not proven');
    expect(never).toHaveTextContent('Never drilled: do not rely on it yet');
  });

  it('lists suspects in trouble first, their open incidents and the undeclared one', async () => {
    await renderForEntity(<EntityReliabilityContent />, apiWith());
    const suspects = await screen.findByRole('list', {
      name: 'Upstream suspects',
    });
    const [db, shared] = within(suspects).getAllByRole('listitem');
    expect(db).toHaveTextContent('Warning');
    expect(
      within(db).getByRole('link', { name: 'Orders DB is slow' }),
    ).toHaveAttribute('href', '/incidents/9');
    expect(shared).toHaveTextContent(
      'undeclared: seen in traffic or incidents',
    );
    expect(
      screen.getByText(
        /3 entities depend on it, owned by 2 teams; 1 has spent/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Before you change it/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/orders-service/dependencies',
    );
  });

  it('greys a part whose source failed and keeps the others', async () => {
    await renderForEntity(
      <EntityReliabilityContent />,
      apiWith(
        entityOverview({
          slos: {
            state: 'unavailable',
            reason: 'SLO evaluation is unavailable right now',
            items: [],
            releaseGate: null,
            stale: false,
          },
          openIncidents: {
            state: 'ok',
            reason: null,
            items: [openIncident],
          },
        }),
      ),
    );
    const strip = await screen.findByLabelText('Responder summary');
    expect(strip).toHaveTextContent('SLO evaluation is unavailable');
    // The strip and the card say so; nothing else is greyed.
    expect(
      screen.getAllByText('SLO evaluation is unavailable right now'),
    ).toHaveLength(2);
    expect(
      screen.getByRole('list', { name: 'Open incidents' }),
    ).toHaveTextContent(openIncident.title);
    expect(screen.getByRole('list', { name: 'Runbooks' })).toBeInTheDocument();
  });

  it('says what is not set up, and offers the snippet for a first SLO', async () => {
    await renderForEntity(
      <EntityReliabilityContent />,
      apiWith(
        entityOverview({
          ownership: {
            state: 'not-configured',
            reason:
              'No escalation policy or pager for this entity or its owner',
            owner: null,
            onCall: [],
            escalateNext: null,
            contacts: {},
          },
          slos: {
            state: 'empty',
            reason: 'No SLOs: define one with OpenSLO next to the code',
            items: [],
            releaseGate: null,
            stale: false,
          },
        }),
      ),
    );
    const strip = await screen.findByLabelText('Responder summary');
    expect(strip).toHaveTextContent(
      'Not configured: No escalation policy or pager for this entity or its owner',
    );
    expect(document.body).toHaveTextContent(
      'name: orders-service-availability',
    );
  });

  it('records a drill and reads the overview again', async () => {
    const api = apiWith();
    api.recordDrill.mockResolvedValue({} as any);
    await renderForEntity(<EntityReliabilityContent />, api, ordersService);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Record a drill' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Scenario/), {
      target: { value: 'The release is bad' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Minutes to mitigate/), {
      target: { value: '9' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Participants/), {
      target: { value: 'dave, user:default/erin' },
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Record drill' }),
    );
    await waitFor(() => expect(api.getEntityOverview).toHaveBeenCalledTimes(2));
    expect(api.recordDrill).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/orders-service',
        runbookUrl: 'https://runbooks.example.com/orders/rollback',
        scenario: 'The release is bad',
        outcome: 'passed',
        minutesToMitigate: 9,
        participants: ['user:dave', 'user:default/erin'],
      }),
    );
  });

  it('lists the drill history a page at a time', async () => {
    const api = apiWith();
    const drill = (id: number, scenario: string) => ({
      id,
      entityRef: 'component:default/orders-service',
      runbookUrl: 'https://runbooks.example.com/orders/rollback',
      scenario,
      performedAt: '2026-11-12T10:00:00.000Z',
      outcome: 'passed' as const,
      minutesToMitigate: 12,
      participants: ['user:default/dave'],
      findings: 'The deploy log was hard to find.',
      recordedBy: 'user:default/dave',
      recordedAt: '2026-11-12T12:00:00.000Z',
    });
    api.listEntityDrills
      .mockResolvedValueOnce({
        items: [drill(2, 'A bad release')],
        cursor: 'next',
      })
      .mockResolvedValueOnce({
        items: [drill(1, 'An older release')],
        cursor: null,
      });
    await renderForEntity(<EntityReliabilityContent />, api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Drill history' }),
    );
    const dialog = await screen.findByRole('dialog');
    const drills = await within(dialog).findByRole('list', { name: 'Drills' });
    expect(drills).toHaveTextContent(
      'Roll back the orders service, Passed, 12 min to mitigate',
    );
    expect(drills).toHaveTextContent('Scenario: A bad release');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Show older drills' }),
    );
    await within(dialog).findByText('Scenario: An older release');
    expect(
      within(dialog).getByText('Scenario: A bad release'),
    ).toBeInTheDocument();
    expect(api.listEntityDrills).toHaveBeenLastCalledWith(
      { kind: 'Component', namespace: 'default', name: 'orders-service' },
      { limit: 20, cursor: 'next' },
    );
  });

  it('keeps the dialog and says why when a drill is refused', async () => {
    const api = apiWith();
    api.recordDrill.mockRejectedValue(
      new Error('performedAt: 2027-01-01T00:00:00.000Z is in the future'),
    );
    await renderForEntity(<EntityReliabilityContent />, api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Record a drill' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Scenario/), {
      target: { value: 'x' },
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Record drill' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'is in the future',
    );
  });
});
