import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import { RunbooksCard } from '../runbooks';
import { RequestContent } from '../shared/RequestContent';
import { DownstreamCard, UpstreamCard } from './DependencyCards';
import {
  ActionItemsCard,
  OpenIncidentsCard,
  RecentIncidentsCard,
} from './IncidentCards';
import { OverviewSloCard } from './OverviewSloCard';
import { ResponderStrip } from './ResponderStrip';
import { useEntityOverview } from './useEntityOverview';

/**
 * An entity's reliability overview from one request: the responder strip, then SLOs (worst
 * first), open incidents, runbooks, upstream suspects, downstream impact and recent incidents,
 * each card with its own state.
 */
export function ReliabilityOverview(props: { entity: Entity }) {
  const overview = useEntityOverview(getCompoundEntityRef(props.entity));
  return (
    <RequestContent request={overview} keepWhileReloading>
      {value => (
        <OverviewCards
          entity={props.entity}
          overview={value}
          onDrillRecorded={overview.retry}
        />
      )}
    </RequestContent>
  );
}

/** The overview's strip and cards, for an overview already read. */
export function OverviewCards(props: {
  entity: Entity;
  overview: EntityOverview;
  onDrillRecorded: () => void;
  /** Cards per row from the medium breakpoint: 2, or 1 beside other content. */
  columns?: 1 | 2;
}) {
  const { entity, overview } = props;
  const entityPath = useRouteRef(entityRouteRef);
  const width = props.columns === 1 ? 12 : 6;
  return (
    <>
      <ResponderStrip overview={overview} />
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} md={width}>
          <OverviewSloCard entity={entity} part={overview.slos} />
        </Grid>
        <Grid item xs={12} md={width}>
          <OpenIncidentsCard part={overview.openIncidents} />
        </Grid>
        <Grid item xs={12} md={width}>
          <RunbooksCard
            entity={getCompoundEntityRef(entity)}
            part={overview.runbooks}
            onDrillRecorded={props.onDrillRecorded}
          />
        </Grid>
        <Grid item xs={12} md={width}>
          <UpstreamCard part={overview.upstream} />
        </Grid>
        <Grid item xs={12} md={width}>
          <DownstreamCard
            part={overview.downstream}
            impactLink={`${entityPath(entityRouteParams(entity))}/dependencies`}
          />
        </Grid>
        <Grid item xs={12} md={width}>
          <RecentIncidentsCard recent={overview.recentIncidents} />
        </Grid>
        <Grid item xs={12} md={width}>
          <ActionItemsCard part={overview.actionItems} />
        </Grid>
      </Grid>
    </>
  );
}
