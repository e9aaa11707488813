import {
  CodeSnippet,
  CopyTextButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Tooltip, Typography, makeStyles } from '@material-ui/core';
import { DependencyEdge } from '@reliability-suite/backstage-plugin-reliability-common';
import { formatLocal } from '../shared/formatTime';
import { IncidentLink } from '../incidents/IncidentLink';
import { ShortText, shorten } from '../shared/ShortText';
import { wholeWords } from '../shared/tableCells';

type EdgeRow = DependencyEdge & { suggestion?: string };

const PAGE_SIZE = 10;
// Longer details (a whole query) and unknown names are cut to this, whole on hover.
const SHORT = 48;

const useStyles = makeStyles(theme => ({
  declare: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1) },
  // The YAML keeps its own width and lines; the copy button sits beside it, never on top.
  yaml: { flex: 1, minWidth: 0, overflowX: 'auto' },
}));

/**
 * An evidence detail by its source's name ("Prometheus service graph"), the query after the
 * `: ` on hover; a detail without a source's name is shortened.
 */
function EvidenceDetail(props: { detail: string }) {
  const { detail } = props;
  const separator = detail.indexOf(': ');
  if (separator <= 0) return <ShortText text={detail} max={SHORT} />;
  return (
    <Tooltip title={detail}>
      <span title={detail}>{shorten(detail.slice(0, separator), SHORT)}</span>
    </Tooltip>
  );
}

/** Incident evidence names its incident ("Incident 42: title"): a link to its page. */
function incidentOf(detail: string): number | undefined {
  const match = /^Incident (\d+): /.exec(detail);
  return match ? Number(match[1]) : undefined;
}

function Evidence(props: { edge: DependencyEdge }) {
  if (props.edge.evidence.length === 0) return <>declared only</>;
  return (
    <>
      {props.edge.evidence.map((e, i) => (
        <div key={`${e.kind}/${e.detail}/${i}`}>
          {e.kind}
          {e.detail && (
            <>
              {' ('}
              {e.kind === 'incident' && incidentOf(e.detail) !== undefined ? (
                <span title={e.detail}>
                  <IncidentLink id={incidentOf(e.detail)!} />
                </span>
              ) : (
                <EvidenceDetail detail={e.detail} />
              )}
              )
            </>
          )}
          , last {formatLocal(e.lastSeen)}
        </div>
      ))}
    </>
  );
}

function Declare(props: { yaml: string }) {
  const classes = useStyles();
  return (
    <Box className={classes.declare}>
      <Box className={classes.yaml}>
        <CodeSnippet text={props.yaml} language="yaml" />
      </Box>
      <CopyTextButton
        text={props.yaml}
        tooltipText="Copied the YAML"
        aria-label="Copy the YAML"
      />
    </Box>
  );
}

/**
 * Edges of one kind (hidden, unobserved, unknown), paged, with the YAML that declares them.
 * With `unknownOthers`, the end that is not the entity in view is a name the catalog lacks:
 * shown as text (all of it after the ref's namespace, slashes included), shortened, not as a
 * link.
 */
export function EdgeTable(props: {
  label: string;
  entityRef: string;
  edges: EdgeRow[];
  empty: string;
  unknownOthers?: boolean;
}) {
  const { edges, entityRef, unknownOthers } = props;
  const end = (ref: string) =>
    unknownOthers && ref !== entityRef ? (
      <ShortText text={ref.slice(ref.indexOf('/') + 1)} max={SHORT} />
    ) : (
      <EntityRefLink entityRef={ref} />
    );
  const nowrap = { whiteSpace: 'nowrap' } as const;
  const columns: TableColumn<EdgeRow>[] = [
    {
      title: 'Dependent',
      cellStyle: wholeWords,
      field: 'source',
      headerStyle: nowrap,
      render: edge => end(edge.source),
    },
    {
      title: 'Depends on',
      cellStyle: wholeWords,
      field: 'target',
      headerStyle: nowrap,
      render: edge => end(edge.target),
    },
    {
      title: 'Evidence',
      cellStyle: wholeWords,
      sorting: false,
      headerStyle: nowrap,
      render: edge => <Evidence edge={edge} />,
    },
  ];
  if (edges.some(edge => edge.suggestion)) {
    columns.push({
      title: 'Declare it',
      cellStyle: wholeWords,
      sorting: false,
      headerStyle: nowrap,
      render: edge => edge.suggestion && <Declare yaml={edge.suggestion} />,
    });
  }
  return (
    <section aria-label={props.label}>
      <Table<EdgeRow>
        options={{
          paging: edges.length > PAGE_SIZE,
          pageSize: PAGE_SIZE,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={edges.map(edge => ({ ...edge }))}
        emptyContent={
          <Typography color="textSecondary" align="center">
            {props.empty}
          </Typography>
        }
      />
    </section>
  );
}
