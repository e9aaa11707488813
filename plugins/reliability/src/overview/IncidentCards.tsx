import { List, ListItem, ListItemText } from '@material-ui/core';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import {
  ActionItemList,
  IncidentLink,
  IncidentStatusLabel,
  OpenIncidentList,
  SeverityLabel,
} from '../incidents';
import { formatLocal } from '../shared/formatTime';
import { OverviewPartCard } from '../shared/OverviewPartCard';

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

/** The latest incidents. */
export function RecentIncidentsCard(props: {
  recent: EntityOverview['recentIncidents'];
}) {
  const { recent } = props;
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
                  <IncidentStatusLabel status={incident.status} /> Started{' '}
                  {formatLocal(incident.startedAt)}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </OverviewPartCard>
  );
}

/** What the entity's postmortems still ask for, with owners and due dates. */
export function ActionItemsCard(props: {
  part: EntityOverview['actionItems'];
}) {
  return (
    <OverviewPartCard title="Open action items" part={props.part}>
      <ActionItemList items={props.part.items} />
    </OverviewPartCard>
  );
}
