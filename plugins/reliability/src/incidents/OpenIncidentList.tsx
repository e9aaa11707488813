import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { IncidentSummary } from '@reliability-suite/backstage-plugin-reliability-common';
import { formatLocal } from '../shared/formatTime';
import { IncidentLink } from './IncidentLink';
import { IncidentStatusLabel, SeverityLabel } from './IncidentLabels';
import { incidentDuration } from './incidentWords';

/** Open incidents, each with its severity, status, since when, for how long, and its channel. */
export function OpenIncidentList(props: { incidents: IncidentSummary[] }) {
  if (props.incidents.length === 0) {
    return <Typography color="textSecondary">No open incidents.</Typography>;
  }
  const now = new Date();
  return (
    <List aria-label="Open incidents" dense>
      {props.incidents.map(incident => (
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
                <IncidentStatusLabel status={incident.status} /> since{' '}
                {formatLocal(incident.startedAt)} (
                {incidentDuration(incident, now)})
                {incident.channel ? ` · ${incident.channel}` : ''}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
