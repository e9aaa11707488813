import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Button, Typography } from '@material-ui/core';
import { Incident } from '@reliability-suite/backstage-plugin-reliability-common';
import { useCallback, useEffect, useState } from 'react';
import { reliabilityApiRef } from '../api';
import { formatLocal } from '../shared/formatTime';
import { wholeWords } from '../shared/tableCells';
import { IncidentLink } from './IncidentLink';
import { IncidentStatusLabel, SeverityLabel } from './IncidentLabels';
import {
  CAUSE_LABELS,
  incidentDuration,
  postmortemState,
} from './incidentWords';

const PAGE = 20;

/** Every incident of the entity, newest first, a page at a time ("Show older"). */
export function IncidentHistory(props: { refresh: number }) {
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const ref = getCompoundEntityRef(entity);
  const [items, setItems] = useState<Incident[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.listEntityIncidents(ref, {
          limit: PAGE,
          cursor: after,
        });
        setItems(previous =>
          after ? [...previous, ...page.items] : page.items,
        );
        setCursor(page.cursor);
        setError(undefined);
      } catch (e) {
        setError(e as Error);
      } finally {
        setLoading(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref.kind, ref.namespace, ref.name],
  );

  useEffect(() => {
    load();
  }, [load, props.refresh]);

  const now = new Date();
  const columns: TableColumn<Incident>[] = [
    {
      title: 'Severity',
      render: incident => <SeverityLabel severity={incident.severity} />,
    },
    {
      title: 'Incident',
      cellStyle: wholeWords,
      render: incident => (
        <IncidentLink id={incident.id}>{incident.title}</IncidentLink>
      ),
    },
    {
      title: 'Status',
      render: incident => <IncidentStatusLabel status={incident.status} />,
    },
    {
      title: 'Started',
      cellStyle: wholeWords,
      render: incident => formatLocal(incident.startedAt),
    },
    {
      title: 'Duration',
      cellStyle: wholeWords,
      render: incident => incidentDuration(incident, now),
    },
    { title: 'Cause', render: incident => CAUSE_LABELS[incident.cause] },
    {
      title: 'Postmortem',
      render: incident => postmortemState(incident),
    },
  ];

  return (
    <section aria-label="Incident history">
      <Table<Incident>
        isLoading={loading && items.length === 0}
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
          sorting: false,
        }}
        columns={columns}
        data={items.map(item => ({ ...item }))}
        emptyContent={
          <Typography color="textSecondary" align="center">
            {error
              ? `Could not load incidents: ${error.message}`
              : 'No incidents recorded.'}
          </Typography>
        }
      />
      {error && items.length > 0 && (
        <Typography color="error">
          Could not load more: {error.message}
        </Typography>
      )}
      {cursor && (
        <Box mt={1}>
          <Button
            variant="outlined"
            disabled={loading}
            onClick={() => load(cursor)}
          >
            Show older incidents
          </Button>
        </Box>
      )}
    </section>
  );
}
