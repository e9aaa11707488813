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
import { CapabilityCard } from './CapabilityCard';
import { OwnershipStrip } from './OwnershipStrip';
import { SloSummaryCard } from '../SloSummaryCard';
import { EntityEscalationCard } from '../EntityEscalationCard';

function runbookLinks(entity: Entity): EntityLink[] {
  return (entity.metadata.links ?? []).filter(link => link.type === 'runbook');
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
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
      <OwnershipStrip entity={entity} />
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} md={6}>
          <SloSummaryCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <CapabilityCard
            title="Incidents"
            shows="Open incidents first, then the history with blameless postmortems (symptom, response, cause, action items), timelines and time to recover."
            configure="Incidents are recorded in the suite or arrive from your pager; nothing to add to catalog-info.yaml."
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <CapabilityCard
            title="Runbooks"
            shows="The procedures to mitigate, each with when it was last drilled and whether that drill passed. An untested runbook is flagged."
            configure={
              runbooks.length > 0
                ? `${count(
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
            shows="What this depends on (upstream suspects in an outage) and what depends on it (the blast radius of a change), declared in the catalog and observed in traffic and incidents, with each neighbour's owner and verdict."
            configure={`Declared in the catalog: ${count(
              upstream,
              'upstream dependency',
              'upstream dependencies',
            )}, ${count(
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
