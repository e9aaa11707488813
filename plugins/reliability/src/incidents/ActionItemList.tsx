import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { List, ListItem, ListItemText } from '@material-ui/core';
import { OpenActionItem } from '../api/ReliabilityApi';
import { IncidentLink } from './IncidentLink';

/** Open action items, each with its owner, its due date and the incident it came from. */
export function ActionItemList(props: { items: OpenActionItem[] }) {
  return (
    <List dense aria-label="Open action items">
      {props.items.map((item, i) => (
        <ListItem key={`${item.incidentId}/${i}`} disableGutters>
          <ListItemText
            primary={item.text}
            // An incident's title is read whole, not cut at the card's edge.
            secondaryTypographyProps={{ style: { whiteSpace: 'normal' } }}
            secondary={
              <>
                <EntityRefLink entityRef={item.owner} hideIcon />
                {item.dueDate ? `, due ${item.dueDate}` : ', no due date'} ·
                from{' '}
                <IncidentLink id={item.incidentId}>
                  {item.incidentTitle}
                </IncidentLink>
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
