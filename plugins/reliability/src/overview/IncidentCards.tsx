import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import {
  ActionItemList,
  IncidentLink,
  IncidentStatusLabel,
  OpenIncidentList,
  SeverityLabel,
} from '../incidents';
import { formatLocal } from '../shared/formatTime';
import { OverviewPartCard } from './OverviewPartCard';

/** The entity's open incidents, with since when and the channel. */
export function OpenIncidentsCard(props: {
  part: EntityOverview['openIncidents'];
}) {
  return (
    <OverviewPartCard title="Open incidents" part={props.part}>
      <OpenIncidentList incidents={props.part.items} />
    </OverviewPartCard>
  );
}

/** The latest incidents, and what their postmortems still ask for. */
export function RecentIncidentsCard(props: {
  recent: EntityOverview['recentIncidents'];
  actionItems: EntityOverview['actionItems'];
}) {
  const { recent, actionItems } = props;
  return (
    <OverviewPartCard title="Recent incidents" part={recent}>
      <List dense aria-label="Recent incidents">
        {recent.items.map(incident => (
          <ListItem key={incident.id} disableGutters>
            <ListItemText
              primary={
                <>
                  <SeverityLabel severity={incident.severity} />{' '}
                  <IncidentLink id={incident.id}>{incident.title}</IncidentLink>
                </>
              }
              secondary={
                <>
                  Started {formatLocal(incident.startedAt)} ·{' '}
                  <IncidentStatusLabel status={incident.status} />
                </>
              }
            />
          </ListItem>
        ))}
      </List>
      <Typography variant="subtitle2" component="h3">
        Open action items
      </Typography>
      {actionItems.state === 'ok' ? (
        <ActionItemList items={actionItems.items} />
      ) : (
        <Typography color="textSecondary">
          {actionItems.state === 'unavailable' ? 'Unavailable: ' : ''}
          {actionItems.reason}
        </Typography>
      )}
    </OverviewPartCard>
  );
}
