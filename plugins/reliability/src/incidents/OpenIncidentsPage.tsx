import { Content, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { Incident } from '@reliability-suite/backstage-plugin-reliability-common';
import { formatLocal } from '../shared/formatTime';
import { RequestContent } from '../shared/RequestContent';
import { wholeWords } from '../shared/tableCells';
import { useReliabilityApi } from '../shared/useReliabilityApi';
import { IncidentLink } from './IncidentLink';
import { IncidentStatusLabel, SeverityLabel } from './IncidentLabels';
import { incidentDuration } from './incidentWords';

// Open incidents across the portal: more than this at once is a page of its own problem.
const LIMIT = 100;

/** Every open incident the viewer may read, worst first, then newest. */
export function OpenIncidentsPage() {
  const request = useReliabilityApi(
    api => api.listIncidents({ status: 'open', limit: LIMIT }),
    [],
  );
  const now = new Date();
  const columns: TableColumn<Incident>[] = [
    { title: 'Severity', render: i => <SeverityLabel severity={i.severity} /> },
    {
      title: 'Incident',
      cellStyle: wholeWords,
      render: i => <IncidentLink id={i.id}>{i.title}</IncidentLink>,
    },
    { title: 'Status', render: i => <IncidentStatusLabel status={i.status} /> },
    {
      title: 'Since',
      cellStyle: wholeWords,
      render: i => `${formatLocal(i.startedAt)} (${incidentDuration(i, now)})`,
    },
    {
      title: 'Involves',
      cellStyle: wholeWords,
      render: i =>
        i.entities.map((e, n) => (
          <span key={e.entityRef}>
            {n > 0 && ', '}
            <EntityRefLink entityRef={e.entityRef} />
          </span>
        )),
    },
    { title: 'Channel', render: i => i.channel ?? '' },
  ];
  return (
    <Content>
      <RequestContent request={request}>
        {({ items, cursor }) => (
          <>
            <Table<Incident>
              title="Open incidents"
              options={{ paging: false, search: false, padding: 'dense' }}
              columns={columns}
              data={[...items]
                .sort((a, b) => a.severity.localeCompare(b.severity))
                .map(i => ({ ...i }))}
              emptyContent={
                <Typography color="textSecondary" align="center">
                  No open incidents.
                </Typography>
              }
            />
            {cursor && (
              <Typography variant="caption" color="textSecondary">
                Only the newest {LIMIT} open incidents were read; those you may
                read are shown.
              </Typography>
            )}
          </>
        )}
      </RequestContent>
    </Content>
  );
}
