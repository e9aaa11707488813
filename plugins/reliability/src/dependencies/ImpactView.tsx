import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Typography, makeStyles } from '@material-ui/core';
import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { formatBudgetLeft } from '../shared/format';
import { SloStateLabel } from '../shared/SloStateLabel';
import { wholeWords } from '../shared/tableCells';
import { impactMarkdown } from './impactMarkdown';
import { impactVerdict } from './impactVerdict';

type ImpactedRow = ImpactResponse['impacted'][number] & {
  /** The owner's ref, the key entities are grouped by; `none` without an owner. */
  ownerRef: string;
};

const PAGE_SIZE = 20;

const useStyles = makeStyles(theme => ({
  verdict: {
    fontSize: theme.typography.h6.fontSize,
    marginBottom: theme.spacing(1),
  },
  section: { marginBottom: theme.spacing(2) },
  // An entity name is one word: "orders-service" never breaks at its hyphen.
  name: { whiteSpace: 'nowrap' },
}));

/** "Before you change X": the verdict, then who is affected, grouped by owner, paged. */
export function ImpactView(props: { impact: ImpactResponse; title: string }) {
  const { impact, title } = props;
  const classes = useStyles();
  const alertApi = useApi(alertApiRef);
  // Grouped by the owner's ref (two teams may share a title): owners with the most entities
  // first, as the summary lists them, each owner's entities by depth.
  const ownerOrder = new Map(
    impact.summary.owners.map((owner, position) => [owner.ref, position]),
  );
  const rows: ImpactedRow[] = impact.impacted
    .map(item => ({ ...item, ownerRef: item.owner?.ref ?? 'none' }))
    .sort(
      (a, b) =>
        (ownerOrder.get(a.ownerRef) ?? Infinity) -
          (ownerOrder.get(b.ownerRef) ?? Infinity) ||
        a.depth - b.depth ||
        a.entityRef.localeCompare(b.entityRef),
    );
  const countByOwner = new Map(
    impact.summary.owners.map(owner => [owner.ref, owner.count]),
  );
  const copy = async () => {
    await window.navigator.clipboard.writeText(impactMarkdown(impact, title));
    alertApi.post({
      message: 'Copied the impact as Markdown',
      severity: 'success',
      display: 'transient',
    });
  };
  const columns: TableColumn<ImpactedRow>[] = [
    {
      title: 'Owner',
      cellStyle: wholeWords,
      field: 'ownerRef',
      sorting: false,
      render: row =>
        row.owner
          ? `${row.owner.title} (${countByOwner.get(row.owner.ref) ?? 1})`
          : 'No owner',
    },
    {
      title: 'Entity',
      cellStyle: wholeWords,
      field: 'title',
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
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
      <Box className={classes.section}>
        <Button
          variant="outlined"
          color="primary"
          onClick={copy}
          disabled={impact.impacted.length === 0}
        >
          Copy as Markdown
        </Button>
      </Box>
      {rows.length > 0 && (
        <section aria-label="Impacted entities by owner">
          <Table<ImpactedRow>
            options={{
              paging: rows.length > PAGE_SIZE,
              pageSize: PAGE_SIZE,
              search: false,
              toolbar: false,
              padding: 'dense',
            }}
            columns={columns}
            data={rows}
          />
        </section>
      )}
    </InfoCard>
  );
}
