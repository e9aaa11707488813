import { ListItem, ListItemText } from '@material-ui/core';
import { SloItem } from '@reliability-suite/backstage-plugin-reliability-common';
import { ReactNode } from 'react';
import { SloStateLabel } from '../shared/SloStateLabel';
import { sloVerdict } from './sloVerdict';

/** One SLO objective in a list: its verdict label and title, then the verdict sentence whole. */
export function SloListItem(props: { item: SloItem; children?: ReactNode }) {
  const { item } = props;
  return (
    <ListItem disableGutters>
      <ListItemText
        primary={
          <>
            <SloStateLabel
              state={item.status.state}
              stale={item.status.stale}
            />{' '}
            {item.objectiveName
              ? `${item.title}: ${item.objectiveName}`
              : item.title}
          </>
        }
        secondary={
          <>
            {sloVerdict(item)}
            {props.children}
          </>
        }
        // Shown whole: the sentence says why the verdict is what it is.
        secondaryTypographyProps={
          {
            component: 'div',
            'data-testid': 'slo-verdict',
            style: { whiteSpace: 'normal' },
          } as object
        }
      />
    </ListItem>
  );
}
