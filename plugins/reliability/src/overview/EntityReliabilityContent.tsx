import {
  Entity,
  EntityLink,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import { Grid, List, ListItem, ListItemText } from '@material-ui/core';
import { EntityEscalationCard } from '../escalation';
import { IncidentsSummaryCard } from '../incidents';
import { countOf } from '../shared/format';
import { SloSummaryCard } from '../slo';
import { CapabilityCard } from './CapabilityCard';
import { ResponderStrip } from './ResponderStrip';

function runbookLinks(entity: Entity): EntityLink[] {
  return (entity.metadata.links ?? []).filter(link => link.type === 'runbook');
}

/**
 * The Reliability tab of an entity page: who owns it and whom to page, then one card per
 * capability of the suite, in the order a responder needs them.
 *
 * @public
 */
export function EntityReliabilityContent() {
  const { entity } = useEntity();
  const runbooks = runbookLinks(entity);
  const upstream =
    getEntityRelations(entity, RELATION_DEPENDS_ON).length +
    getEntityRelations(entity, RELATION_CONSUMES_API).length;
  const downstream = getEntityRelations(entity, RELATION_DEPENDENCY_OF).length;

  return (
    <>
      <ResponderStrip />
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} md={6}>
          <SloSummaryCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <IncidentsSummaryCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <CapabilityCard
            title="Runbooks"
            shows="The procedures to mitigate, from the entity's metadata.links. Drill history (when each was last exercised) is not yet available."
            configure={
              runbooks.length > 0
                ? `${countOf(
                    runbooks.length,
                    'runbook',
                  )} linked from metadata.links:`
                : 'No runbooks yet: add metadata.links entries with type: runbook.'
            }
          >
            {runbooks.length > 0 && (
              <List dense aria-label="Runbooks">
                {runbooks.map(link => (
                  <ListItem key={link.url} disableGutters>
                    <ListItemText
                      primary={
                        <Link to={link.url}>{link.title ?? link.url}</Link>
                      }
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </CapabilityCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <CapabilityCard
            title="Dependencies and impact"
            shows="What this depends on (upstream suspects in an outage) and what depends on it (the blast radius of a change), declared in the catalog and observed in traffic and incidents, on the Dependencies tab."
            configure={`Declared in the catalog: ${countOf(
              upstream,
              'upstream dependency',
              'upstream dependencies',
            )}, ${countOf(
              downstream,
              'downstream dependent',
            )} (spec.dependsOn, spec.dependencyOf, consumesApis).`}
          />
        </Grid>
        <Grid item xs={12}>
          <EntityEscalationCard />
        </Grid>
      </Grid>
    </>
  );
}
