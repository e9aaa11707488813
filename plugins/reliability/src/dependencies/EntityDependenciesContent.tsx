import {
  DependencyGraph,
  DependencyGraphTypes,
  InfoCard,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Box,
  Grid,
  MenuItem,
  Select,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  DependenciesResponse,
  EdgeProvenance,
  ImpactResponse,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { RequestContent } from '../shared/RequestContent';
import { DependencyEdgeLabel, GraphNode, GraphNodeBox } from './graphParts';
import { EdgeTable } from './EdgeTable';
import { ChangeRiskCard } from '../changeRisk';
import { ImpactView } from './ImpactView';
import { useEntityDependencies } from './useEntityDependencies';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(2) },
  graphScroll: { overflowX: 'auto' },
}));

// Room for one column of the graph (a title and an edge label) at a readable size: on a narrow
// screen the graph scrolls sideways rather than shrink its text.
const COLUMN_WIDTH_PX = 220;

/**
 * The neighbourhood of the entity as a graph: the last hop of each impact path, each way, with
 * how it is known, each node by its title.
 */
function NeighbourhoodGraph(props: {
  entityRef: string;
  title: string;
  downstream: ImpactResponse;
  upstream: ImpactResponse;
}) {
  const classes = useStyles();
  const { entityRef } = props;
  const nodes = new Map<string, GraphNode>([
    [entityRef, { id: entityRef, title: props.title, isRoot: true }],
  ]);
  const edges = new Map<
    string,
    DependencyGraphTypes.DependencyEdge<{ provenance: EdgeProvenance }>
  >();
  // Paths form a shortest-path tree: each entity's last hop is an edge of the graph, and `via`
  // says how that hop is known.
  const addLastHop = (
    item: ImpactResponse['impacted'][number],
    reversed: boolean,
  ) => {
    const [before, at] = item.path.slice(-2);
    const [from, to] = reversed ? [at, before] : [before, at];
    nodes.set(at, { id: at, title: item.title, isRoot: false });
    edges.set(`${from}>${to}`, {
      from,
      to,
      label: item.via,
      provenance: item.via,
    });
  };
  props.upstream.impacted.forEach(item => addLastHop(item, false));
  props.downstream.impacted.forEach(item => addLastHop(item, true));
  if (edges.size === 0) {
    return (
      <Typography>
        No declared or observed dependencies in either direction.
      </Typography>
    );
  }
  const depth = (impact: ImpactResponse) =>
    Math.max(0, ...impact.impacted.map(item => item.depth));
  const columns = depth(props.upstream) + depth(props.downstream) + 1;
  return (
    <div className={classes.graphScroll}>
      <div style={{ minWidth: columns * COLUMN_WIDTH_PX }}>
        <DependencyGraph
          nodes={[...nodes.values()]}
          edges={[...edges.values()]}
          direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
          showArrowHeads
          paddingX={24}
          paddingY={24}
          // Called as functions per edge and node: render components so their hooks are theirs.
          renderLabel={labelProps => <DependencyEdgeLabel {...labelProps} />}
          renderNode={nodeProps => <GraphNodeBox {...nodeProps} />}
        />
      </div>
    </div>
  );
}

/** The edges a responder acts on, each list with its title and what its emptiness means. */
function edgeLists(dependencies: DependenciesResponse) {
  return [
    {
      title: 'Hidden dependencies (observed, never declared)',
      label: 'Hidden dependencies',
      edges: dependencies.hidden,
      empty: 'None: everything observed is declared.',
      wide: true,
    },
    {
      title: 'Declared, not observed lately',
      label: 'Unobserved dependencies',
      edges: dependencies.unobserved,
      empty: "None, or no telemetry for this entity's dependents.",
      wide: false,
    },
    {
      title: 'Observed names not in the catalog',
      label: 'Unknown dependencies',
      edges: dependencies.unknown,
      empty: 'None.',
      wide: false,
      unknownOthers: true,
    },
  ];
}

/**
 * The Dependencies tab: the neighbourhood graph (declared, both and hidden edges apart), the
 * hidden, unobserved and unknown edges with the YAML that declares them, and the impact of a
 * change.
 *
 * @public
 */
export function EntityDependenciesContent() {
  const { entity } = useEntity();
  const classes = useStyles();
  const [depth, setDepth] = useState(2);
  const entityRef = stringifyEntityRef(entity);
  const title = entity.metadata.title ?? entity.metadata.name;
  const request = useEntityDependencies(depth);

  return (
    <RequestContent request={request} keepWhileReloading>
      {({ dependencies, downstream, upstream }) => (
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
                  Edges point from a dependent to its dependency and say how it
                  is known: declared (in the catalog only, grey), both (declared
                  and seen in traffic or incidents, green) or hidden (seen,
                  never declared, red).
                </Typography>
              </Box>
              <NeighbourhoodGraph
                entityRef={entityRef}
                title={title}
                downstream={downstream}
                upstream={upstream}
              />
            </InfoCard>
          </Grid>
          {edgeLists(dependencies).map(list => (
            <Grid item xs={12} md={list.wide ? 12 : 6} key={list.label}>
              <InfoCard title={list.title}>
                <EdgeTable
                  label={list.label}
                  entityRef={entityRef}
                  edges={list.edges}
                  empty={list.empty}
                  unknownOthers={list.unknownOthers}
                />
              </InfoCard>
            </Grid>
          ))}
          <Grid item xs={12}>
            <ChangeRiskCard entity={entity} />
          </Grid>
          <Grid item xs={12}>
            <ImpactView impact={downstream} title={title} maxDepth={depth} />
          </Grid>
        </Grid>
      )}
    </RequestContent>
  );
}
