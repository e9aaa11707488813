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
import { DependencyEdgeLabel } from './DependencyEdgeLabel';
import { EdgeTable } from './EdgeTable';
import { ImpactView } from './ImpactView';
import { useEntityDependencies } from './useEntityDependencies';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(2) },
}));

/**
 * The neighbourhood of the entity as a graph: the last hop of each impact path, each way, with
 * how it is known.
 */
function NeighbourhoodGraph(props: {
  entityRef: string;
  downstream: ImpactResponse;
  upstream: ImpactResponse;
}) {
  const { entityRef } = props;
  const nodes = new Map<string, DependencyGraphTypes.DependencyNode>([
    [entityRef, { id: entityRef }],
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
    nodes.set(at, { id: at });
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
  return (
    <DependencyGraph
      nodes={[...nodes.values()]}
      edges={[...edges.values()]}
      direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
      showArrowHeads
      // Called as a function per edge: render a component so its hooks are its own.
      renderLabel={labelProps => <DependencyEdgeLabel {...labelProps} />}
      renderNode={({ node }) => (
        <g>
          <text fontWeight={node.id === entityRef ? 'bold' : undefined}>
            {node.id.split('/').pop()}
          </text>
        </g>
      )}
    />
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
    <RequestContent request={request}>
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
                  edges={list.edges}
                  empty={list.empty}
                />
              </InfoCard>
            </Grid>
          ))}
          <Grid item xs={12}>
            <ImpactView impact={downstream} title={title} />
          </Grid>
        </Grid>
      )}
    </RequestContent>
  );
}
