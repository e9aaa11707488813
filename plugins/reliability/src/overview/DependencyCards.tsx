import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import { IncidentLink, SeverityLabel } from '../incidents';
import { countOf } from '../shared/format';
import { SloStateLabel } from '../shared/SloStateLabel';
import { OverviewPartCard } from '../shared/OverviewPartCard';

/** What the entity depends on, those in trouble first: the suspects when it fails. */
export function UpstreamCard(props: { part: EntityOverview['upstream'] }) {
  const { part } = props;
  return (
    <OverviewPartCard title="Upstream suspects" part={part}>
      <List dense aria-label="Upstream suspects">
        {part.items.map(suspect => (
          <ListItem key={suspect.entityRef} disableGutters>
            <ListItemText
              primary={
                <>
                  <EntityRefLink
                    entityRef={suspect.entityRef}
                    title={suspect.title}
                  />
                  {suspect.hidden &&
                    ' (undeclared: seen in traffic or incidents)'}
                </>
              }
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  {suspect.sloState ? (
                    <SloStateLabel state={suspect.sloState} />
                  ) : (
                    'No SLOs'
                  )}
                  {suspect.openIncidents.length > 0 && (
                    <div>
                      Open:{' '}
                      {suspect.openIncidents.map((incident, i) => (
                        <span key={incident.id}>
                          {i > 0 && ', '}
                          <SeverityLabel severity={incident.severity} />{' '}
                          <IncidentLink id={incident.id}>
                            {incident.title}
                          </IncidentLink>
                        </span>
                      ))}
                    </div>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
      {part.total > part.items.length && (
        <Typography variant="caption" color="textSecondary">
          {part.total - part.items.length} more on the Dependencies tab.
        </Typography>
      )}
    </OverviewPartCard>
  );
}

/** How far a failure or a change of the entity reaches, with a link to the impact view. */
export function DownstreamCard(props: {
  part: EntityOverview['downstream'];
  /** The entity's Dependencies tab, where "Before you change" is. */
  impactLink?: string;
}) {
  const { part } = props;
  return (
    <OverviewPartCard
      title="Downstream impact"
      part={part}
      deepLink={
        props.impactLink
          ? { title: 'Before you change it', link: props.impactLink }
          : undefined
      }
    >
      <Typography paragraph>
        {countOf(part.entities, 'entity', 'entities')}
        {part.truncated ? ' or more' : ''} depend on it, owned by{' '}
        {countOf(part.owners.length, 'team')}
        {part.frozen > 0
          ? `; ${countOf(part.frozen, 'has', 'have')} spent the error budget`
          : ''}
        .
      </Typography>
      <List dense aria-label="Owners of what depends on it">
        {part.owners.slice(0, 5).map(owner => (
          <ListItem key={owner.ref} disableGutters>
            <ListItemText
              primary={
                <>
                  <EntityRefLink entityRef={owner.ref} defaultKind="group" />:{' '}
                  {countOf(owner.count, 'entity', 'entities')}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </OverviewPartCard>
  );
}
