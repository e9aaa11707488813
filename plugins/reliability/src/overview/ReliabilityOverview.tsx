import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
import { RunbooksCard } from '../runbooks';
import { RequestContent } from '../shared/RequestContent';
import { DownstreamCard, UpstreamCard } from './DependencyCards';
import { OpenIncidentsCard, RecentIncidentsCard } from './IncidentCards';
import { OverviewSloCard } from './OverviewSloCard';
import { ResponderStrip } from './ResponderStrip';
import { useEntityOverview } from './useEntityOverview';

/**
 * An entity's reliability overview from one request: the responder strip, then SLOs (worst
 * first), open incidents, runbooks, upstream suspects, downstream impact and recent incidents,
 * each card with its own state.
 */
export function ReliabilityOverview(props: { entity: Entity }) {
  const ref = getCompoundEntityRef(props.entity);
  const overview = useEntityOverview(ref);
  const entityPath = useRouteRef(entityRouteRef);
  return (
    <RequestContent request={overview}>
      {value => (
        <>
          <ResponderStrip overview={value} />
          <Grid container spacing={3} alignItems="stretch">
            <Grid item xs={12} md={6}>
              <OverviewSloCard entity={props.entity} part={value.slos} />
            </Grid>
            <Grid item xs={12} md={6}>
              <OpenIncidentsCard part={value.openIncidents} />
            </Grid>
            <Grid item xs={12} md={6}>
              <RunbooksCard
                entity={ref}
                part={value.runbooks}
                onDrillRecorded={overview.retry}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <UpstreamCard part={value.upstream} />
            </Grid>
            <Grid item xs={12} md={6}>
              <DownstreamCard
                part={value.downstream}
                impactLink={`${entityPath(
                  entityRouteParams(props.entity),
                )}/dependencies`}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <RecentIncidentsCard
                recent={value.recentIncidents}
                actionItems={value.actionItems}
              />
            </Grid>
          </Grid>
        </>
      )}
    </RequestContent>
  );
}
