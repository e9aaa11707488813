import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Typography, makeStyles } from '@material-ui/core';
import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { useEffect, useState } from 'react';
import { reliabilityApiRef } from '../api';
import { formatBudgetLeft } from '../shared/format';
import { SloStateLabel } from '../shared/SloStateLabel';
import { wholeWords } from '../shared/tableCells';
import { impactMarkdown } from './impactMarkdown';
import { impactVerdict } from './impactVerdict';
import { IMPACT_PAGE_SIZE } from './useEntityDependencies';

type ImpactedRow = ImpactResponse['impacted'][number];

const TABLE_PAGE_SIZE = 20;
// The owners named in the summary line; the Markdown export names them all.
const OWNERS_SHOWN = 8;

const useStyles = makeStyles(theme => ({
  verdict: {
    fontSize: theme.typography.h6.fontSize,
    marginBottom: theme.spacing(1),
  },
  section: { marginBottom: theme.spacing(2) },
  // An entity name is one word: "orders-service" never breaks at its hyphen.
  name: { whiteSpace: 'nowrap' },
}));

/**
 * "Before you change X": the verdict, the owners of everything affected, then the affected
 * entities nearest first, a page of the answer at a time.
 */
export function ImpactView(props: {
  impact: ImpactResponse;
  title: string;
  maxDepth: number;
}) {
  const { impact, title, maxDepth } = props;
  const classes = useStyles();
  const alertApi = useApi(alertApiRef);
  const api = useApi(reliabilityApiRef);
  const [rows, setRows] = useState<ImpactedRow[]>(impact.impacted);
  const [cursor, setCursor] = useState(impact.cursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  useEffect(() => {
    setRows(impact.impacted);
    setCursor(impact.cursor);
    setError(undefined);
  }, [impact]);

  const showMore = async () => {
    if (!cursor) return;
    setLoading(true);
    setError(undefined);
    try {
      const next = await api.getImpact({
        entityRef: impact.root,
        direction: impact.direction,
        maxDepth,
        limit: IMPACT_PAGE_SIZE,
        cursor,
      });
      setRows(known => [...known, ...next.impacted]);
      setCursor(next.cursor);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  };
  const copy = async () => {
    await window.navigator.clipboard.writeText(
      impactMarkdown({ ...impact, impacted: rows }, title),
    );
    alertApi.post({
      message: 'Copied the impact as Markdown',
      severity: 'success',
      display: 'transient',
    });
  };
  const { owners, entities } = impact.summary;
  const columns: TableColumn<ImpactedRow>[] = [
    {
      title: 'Entity',
      cellStyle: wholeWords,
      field: 'title',
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
    },
    {
      title: 'Owner',
      cellStyle: wholeWords,
      sorting: false,
      render: row => row.owner?.title ?? 'No owner',
    },
    {
      title: 'Depth',
      field: 'depth',
      type: 'numeric',
      align: 'left',
      cellStyle: wholeWords,
    },
    {
      title: 'Path',
      cellStyle: wholeWords,
      sorting: false,
      render: row => (
        <>
          {row.path.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ' → '}
              <span className={classes.name}>{ref.split('/').pop()}</span>
            </span>
          ))}{' '}
          ({row.via})
        </>
      ),
    },
    {
      title: 'On call',
      cellStyle: wholeWords,
      sorting: false,
      render: row =>
        row.onCall?.length
          ? row.onCall.map(o => o.displayName).join(', ')
          : 'nobody',
    },
    {
      title: 'Budget',
      cellStyle: wholeWords,
      sorting: false,
      render: row =>
        row.slo ? (
          <>
            <SloStateLabel state={row.slo.state} />
            {row.slo.errorBudgetRemaining !== null &&
              ` ${formatBudgetLeft(row.slo.errorBudgetRemaining)}`}
          </>
        ) : (
          'no SLO'
        ),
    },
  ];
  return (
    <InfoCard title={`Before you change ${title}`}>
      <Typography className={classes.verdict}>
        {impactVerdict(impact)}
        {impact.truncated && ' (The list is cut at the configured maximum.)'}
      </Typography>
      {owners.length > 0 && (
        <Typography className={classes.section} component="div">
          Owners:{' '}
          {owners.slice(0, OWNERS_SHOWN).map((owner, i) => (
            <span key={owner.ref}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={owner.ref} /> ({owner.count})
            </span>
          ))}
          {owners.length > OWNERS_SHOWN &&
            ` and ${owners.length - OWNERS_SHOWN} more`}
        </Typography>
      )}
      <Box className={classes.section}>
        <Button
          variant="outlined"
          color="primary"
          onClick={copy}
          disabled={entities === 0}
        >
          Copy as Markdown
        </Button>
      </Box>
      {rows.length > 0 && (
        <section aria-label="Impacted entities, nearest first">
          <Table<ImpactedRow>
            options={{
              paging: rows.length > TABLE_PAGE_SIZE,
              pageSize: TABLE_PAGE_SIZE,
              search: false,
              toolbar: false,
              padding: 'dense',
            }}
            columns={columns}
            data={rows}
          />
        </section>
      )}
      {error && (
        <Typography color="error" role="alert">
          Could not load more: {error.message}
        </Typography>
      )}
      {cursor && (
        <Box display="flex" alignItems="center" gridGap={16} mt={1}>
          <Typography variant="body2" color="textSecondary">
            Showing the nearest {rows.length} of {entities}.
          </Typography>
          <Button variant="outlined" onClick={showMore} disabled={loading}>
            {loading ? 'Loading…' : `Show ${IMPACT_PAGE_SIZE} more`}
          </Button>
        </Box>
      )}
    </InfoCard>
  );
}
