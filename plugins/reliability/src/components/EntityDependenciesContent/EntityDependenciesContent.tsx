import {
  CodeSnippet,
  DependencyGraph,
  DependencyGraphTypes,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  Grid,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  DependencyEdge,
  EdgeProvenance,
  ImpactResponse,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { SloStateLabel } from '../EntitySloContent/SloStateLabel';
import { impactMarkdown } from './impactMarkdown';
import { DependencyEdgeLabel } from './DependencyEdgeLabel';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(2) },
  verdict: {
    fontSize: theme.typography.h6.fontSize,
    marginBottom: theme.spacing(1),
  },
}));

function evidenceText(edge: DependencyEdge): string {
  return edge.evidence
    .map(
      e =>
        `${e.kind}${e.detail ? ` (${e.detail})` : ''}, last ${new Date(
          e.lastSeen,
        ).toLocaleDateString()}`,
    )
    .join('; ');
}

function EdgeTable(props: {
  label: string;
  edges: Array<DependencyEdge & { suggestion?: string }>;
  empty: string;
}) {
  if (props.edges.length === 0) {
    return <Typography color="textSecondary">{props.empty}</Typography>;
  }
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>Dependent</TableCell>
          <TableCell>Depends on</TableCell>
          <TableCell>Evidence</TableCell>
          {props.edges.some(e => e.suggestion) && (
            <TableCell>Declare it</TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.edges.map(edge => (
          <TableRow key={`${edge.source}>${edge.target}`}>
            <TableCell>
              <EntityRefLink entityRef={edge.source} />
            </TableCell>
            <TableCell>
              <EntityRefLink entityRef={edge.target} />
            </TableCell>
            <TableCell>{evidenceText(edge) || 'declared only'}</TableCell>
            {edge.suggestion && (
              <TableCell>
                <CodeSnippet
                  text={edge.suggestion}
                  language="yaml"
                  showCopyCodeButton
                />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** "Before you change X": the verdict, then who is affected, grouped by owner. */
export function ImpactView(props: { impact: ImpactResponse; title: string }) {
  const { impact, title } = props;
  const classes = useStyles();
  const alertApi = useApi(alertApiRef);
  const groups = new Map<string, ImpactResponse['impacted']>();
  for (const item of impact.impacted) {
    const owner = item.owner?.title ?? 'No owner';
    groups.set(owner, [...(groups.get(owner) ?? []), item]);
  }
  const copy = async () => {
    await window.navigator.clipboard.writeText(impactMarkdown(impact, title));
    alertApi.post({
      message: 'Copied the impact as Markdown',
      severity: 'success',
      display: 'transient',
    });
  };
  return (
    <InfoCard title={`Before you change ${title}`}>
      <Typography className={classes.verdict}>
        {impact.summary.entities} entities would be affected, owned by{' '}
        {impact.summary.owners.length} teams; {impact.summary.frozen} have spent
        their error budget.
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
      {[...groups.entries()].map(([owner, items]) => (
        <Box key={owner} className={classes.section}>
          <Typography variant="subtitle1">
            {owner} ({items.length})
          </Typography>
          <Table
            size="small"
            aria-label={`Impacted entities owned by ${owner}`}
          >
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell>Depth</TableCell>
                <TableCell>Path</TableCell>
                <TableCell>On call</TableCell>
                <TableCell>Budget</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map(item => (
                <TableRow key={item.entityRef}>
                  <TableCell>
                    <EntityRefLink
                      entityRef={item.entityRef}
                      title={item.title}
                    />
                  </TableCell>
                  <TableCell>{item.depth}</TableCell>
                  <TableCell>
                    {item.path.map(ref => ref.split('/').pop()).join(' → ')} (
                    {item.via})
                  </TableCell>
                  <TableCell>
                    {item.onCall?.length
                      ? item.onCall.map(o => o.displayName).join(', ')
                      : '—'}
                  </TableCell>
                  <TableCell>
                    {item.slo ? (
                      <>
                        <SloStateLabel state={item.slo.state} />
                        {item.slo.errorBudgetRemaining !== null &&
                          ` ${Math.round(
                            item.slo.errorBudgetRemaining * 100,
                          )}% left`}
                      </>
                    ) : (
                      'no SLO'
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </InfoCard>
  );
}

/**
 * The Dependencies tab: the neighbourhood graph (declared, observed and hidden edges apart), the
 * hidden, unobserved and unknown edges with the YAML that declares them, and the impact of a
 * change.
 *
 * @public
 */
export function EntityDependenciesContent() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const classes = useStyles();
  const [depth, setDepth] = useState(2);
  const entityRef = stringifyEntityRef(entity);
  const title = entity.metadata.title ?? entity.metadata.name;

  const { value, loading, error } = useAsync(async () => {
    const [dependencies, downstream, upstream] = await Promise.all([
      api.getEntityDependencies(getCompoundEntityRef(entity)),
      api.getImpact({ entityRef, direction: 'downstream', maxDepth: depth }),
      api.getImpact({ entityRef, direction: 'upstream', maxDepth: depth }),
    ]);
    return { dependencies, downstream, upstream };
  }, [api, entityRef, depth]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;

  const { dependencies, downstream, upstream } = value;
  const nodes = new Map<string, DependencyGraphTypes.DependencyNode>([
    [entityRef, { id: entityRef }],
  ]);
  const edges = new Map<
    string,
    DependencyGraphTypes.DependencyEdge<{ kind: EdgeProvenance }>
  >();
  // Paths form a shortest-path tree: each entity's last hop is an edge of the graph, and `via`
  // says how that hop is known.
  const addLastHop = (
    item: ImpactResponse['impacted'][number],
    reversed: boolean,
  ) => {
    const [before, at] = item.path.slice(-2);
    const [from, to] = reversed ? [at, before] : [before, at];
    const kind = item.via;
    nodes.set(at, { id: at });
    edges.set(`${from}>${to}`, { from, to, label: kind, kind });
  };
  upstream.impacted.forEach(item => addLastHop(item, false));
  downstream.impacted.forEach(item => addLastHop(item, true));

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Dependencies">
          <Box
            className={classes.section}
            display="flex"
            alignItems="center"
            gridGap={8}
          >
            <Typography id="dependency-depth-label">Depth</Typography>
            <Select
              labelId="dependency-depth-label"
              value={depth}
              onChange={event => setDepth(Number(event.target.value))}
            >
              {[1, 2, 3, 4, 5].map(d => (
                <MenuItem key={d} value={d}>
                  {d}
                </MenuItem>
              ))}
            </Select>
            <Typography variant="body2" color="textSecondary">
              Edges point from a dependent to its dependency and say how it is
              known: declared (in the catalog only, grey), both (declared and
              seen in traffic or incidents, green) or hidden (seen, never
              declared, red).
            </Typography>
          </Box>
          {edges.size === 0 ? (
            <Typography>
              No declared or observed dependencies in either direction.
            </Typography>
          ) : (
            <DependencyGraph
              nodes={[...nodes.values()]}
              edges={[...edges.values()]}
              direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
              showArrowHeads
              // Called as a function per edge: render a component so its hooks are its own.
              renderLabel={props => <DependencyEdgeLabel {...props} />}
              renderNode={({ node }) => (
                <g>
                  <text fontWeight={node.id === entityRef ? 'bold' : undefined}>
                    {node.id.split('/').pop()}
                  </text>
                </g>
              )}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Hidden dependencies (observed, never declared)">
          <EdgeTable
            label="Hidden dependencies"
            edges={dependencies.hidden}
            empty="None: everything observed is declared."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Declared, not observed lately">
          <EdgeTable
            label="Unobserved dependencies"
            edges={dependencies.unobserved}
            empty="None, or no telemetry for this entity's dependents."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Observed names not in the catalog">
          <EdgeTable
            label="Unknown dependencies"
            edges={dependencies.unknown}
            empty="None."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ImpactView impact={downstream} title={title} />
      </Grid>
    </Grid>
  );
}
