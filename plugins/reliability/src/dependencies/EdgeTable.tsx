import { CodeSnippet, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { DependencyEdge } from '@reliability-suite/backstage-plugin-reliability-common';
import { formatLocal } from '../shared/formatTime';

type EdgeRow = DependencyEdge & { suggestion?: string };

const PAGE_SIZE = 10;

function evidenceText(edge: DependencyEdge): string {
  return edge.evidence
    .map(
      e =>
        `${e.kind}${e.detail ? ` (${e.detail})` : ''}, last ${formatLocal(
          e.lastSeen,
        )}`,
    )
    .join('; ');
}

/** Edges of one kind (hidden, unobserved, unknown), paged, with the YAML that declares them. */
export function EdgeTable(props: {
  label: string;
  edges: EdgeRow[];
  empty: string;
}) {
  const { edges } = props;
  const columns: TableColumn<EdgeRow>[] = [
    {
      title: 'Dependent',
      field: 'source',
      render: edge => <EntityRefLink entityRef={edge.source} />,
    },
    {
      title: 'Depends on',
      field: 'target',
      render: edge => <EntityRefLink entityRef={edge.target} />,
    },
    {
      title: 'Evidence',
      sorting: false,
      render: edge => evidenceText(edge) || 'declared only',
    },
  ];
  if (edges.some(edge => edge.suggestion)) {
    columns.push({
      title: 'Declare it',
      sorting: false,
      render: edge =>
        edge.suggestion && (
          <CodeSnippet
            text={edge.suggestion}
            language="yaml"
            showCopyCodeButton
          />
        ),
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
