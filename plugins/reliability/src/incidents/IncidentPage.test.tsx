import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../api';
import { openIncident } from '../__testUtils__/incidents';
import { mockReliabilityApi } from '../__testUtils__/mockReliabilityApi';
import { incidentsRouteRef } from '../routes';
import { Route, Routes } from 'react-router-dom';
import { IncidentsRoutes } from './IncidentsPage';

async function renderIncident(api: ReturnType<typeof mockReliabilityApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <Routes>
        <Route path="/incidents/*" element={<IncidentsRoutes />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: ['/incidents/7'],
      mountedRoutes: {
        '/incidents': incidentsRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

const timelineEntry = {
  id: 1,
  incidentId: 7,
  at: '2026-11-20T10:05:00.000Z',
  author: 'user:default/alice',
  kind: 'alert' as const,
  text: 'Save latency alert fired',
};

describe('IncidentPage', () => {
  it('shows the facts, with times after the start, and the timeline', async () => {
    const api = mockReliabilityApi([]);
    api.getIncident.mockResolvedValue(openIncident);
    api.getTimeline.mockResolvedValue({ items: [timelineEntry] });
    await renderIncident(api);

    expect(
      await screen.findByText('Incident 7: Orders are slow to save'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Fri 20 Nov, 10:05 (5 min after the start)'),
    ).toBeInTheDocument();
    expect(screen.getByText('#inc-orders')).toBeInTheDocument();
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    expect(timeline).toHaveTextContent('Save latency alert fired');
    expect(timeline).toHaveTextContent('Fri 20 Nov, 10:05 · Alert');
  });

  it('adds a timeline entry in one line', async () => {
    const api = mockReliabilityApi([]);
    api.getIncident.mockResolvedValue(openIncident);
    api.addTimelineEntry.mockResolvedValue({ ...timelineEntry, id: 2 });
    await renderIncident(api);
    const field = await screen.findByLabelText('Timeline entry');
    fireEvent.change(field, { target: { value: 'Rolled back the deploy' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() =>
      expect(api.addTimelineEntry).toHaveBeenCalledWith(7, {
        kind: 'note',
        text: 'Rolled back the deploy',
      }),
    );
    await waitFor(() => expect(field).toHaveValue(''));
    // The timeline is read again with the new entry.
    expect(api.getTimeline.mock.calls.length).toBeGreaterThan(1);
  });

  it('changes the status at the version read, and says so when someone else changed it first', async () => {
    const api = mockReliabilityApi([]);
    api.getIncident.mockResolvedValue(openIncident);
    api.updateIncident.mockRejectedValueOnce(
      new Error(
        'Incident 7 is at version 2, not 1: someone else changed it; read it again and reapply your change',
      ),
    );
    await renderIncident(api);
    const status = await screen.findByLabelText('Status');
    fireEvent.mouseDown(status);
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByText('Identified'),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'is at version 2, not 1',
    );
    expect(api.updateIncident).toHaveBeenCalledWith(7, {
      version: 1,
      status: 'identified',
    });
  });

  it('writes the postmortem: the four parts, then its action items', async () => {
    const api = mockReliabilityApi([]);
    api.getIncident.mockResolvedValue(openIncident);
    api.putPostmortem.mockImplementation(async (incidentId, write) => ({
      ...write,
      incidentId,
      version: 1,
      createdBy: 'user:default/alice',
      updatedBy: 'user:default/alice',
      updatedAt: '2026-11-21T09:00:00.000Z',
    }));
    await renderIncident(api);
    const save = await screen.findByRole('button', { name: 'Save postmortem' });
    expect(save).toBeDisabled();
    for (const [label, value] of [
      ['Symptom', 'Orders took 30 s to save for 40 minutes.'],
      ['Response', 'The deploy was rolled back.'],
      ['Cause', 'A new index made every save lock the table.'],
    ]) {
      fireEvent.change(screen.getByLabelText(new RegExp(`^${label}`)), {
        target: { value },
      });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    const item = screen.getByRole('group', { name: 'Action item 1' });
    fireEvent.change(within(item).getByLabelText('Action'), {
      target: { value: 'Test migrations against production-sized data' },
    });
    fireEvent.change(within(item).getByLabelText('Owner'), {
      target: { value: 'group:default/commerce' },
    });
    fireEvent.change(within(item).getByLabelText('Due'), {
      target: { value: '2026-12-15' },
    });
    expect(save).toBeEnabled();
    fireEvent.click(save);
    await waitFor(() =>
      expect(api.putPostmortem).toHaveBeenCalledWith(
        7,
        expect.objectContaining({
          symptom: 'Orders took 30 s to save for 40 minutes.',
          response: 'The deploy was rolled back.',
          cause: 'A new index made every save lock the table.',
          actionItems: [
            {
              text: 'Test migrations against production-sized data',
              category: 'prevent',
              owner: 'group:default/commerce',
              dueDate: '2026-12-15',
              status: 'open',
              link: null,
            },
          ],
        }),
      ),
    );
    // The first write has no version; the page then knows version 1.
    expect(api.putPostmortem.mock.calls[0][1]).not.toHaveProperty('version');
    expect(
      await screen.findByText(/Version 1, last saved/),
    ).toBeInTheDocument();
  });
});
