import { Content, EmptyState, Header, Page } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { LookupResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { untilText } from '../shared/formatTime';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';
import { ContactLinks } from './ContactLinks';
import { nextLevelText } from './escalationWords';

const useStyles = makeStyles(theme => ({
  search: { marginBottom: theme.spacing(3), maxWidth: 640 },
}));

/** The lookup results for one query: owner, on call now and the next level. */
export function LookupResults(props: { query: string }) {
  const results = useReliabilityApi(
    async api => (props.query ? api.lookup(props.query, 20) : undefined),
    [props.query],
  );
  if (!props.query) {
    return (
      <Typography color="textSecondary">
        Type a service, database, team or tag: results show as you type.
      </Typography>
    );
  }
  return (
    <RequestContent request={results}>
      {value =>
        value.items.length === 0 ? (
          <EmptyState
            missing="data"
            title={`Nothing matches “${props.query}”`}
            description="Try a service or database name, a team, a tag, or the name your telemetry uses (reliability.io/service-name)."
          />
        ) : (
          <LookupList items={value.items} />
        )
      }
    </RequestContent>
  );
}

function LookupList(props: { items: LookupResponse['items'] }) {
  return (
    <List aria-label="Who to page">
      {props.items.map(item => {
        const first = item.onCall.filter(o => o.level === 1);
        return (
          <ListItem key={item.entityRef} divider disableGutters>
            <ListItemText
              primary={
                <>
                  <EntityRefLink
                    entityRef={item.entityRef}
                    title={item.title}
                  />{' '}
                  ({item.kind}
                  {item.owner ? `, owned by ${item.owner.title}` : ', no owner'}
                  )
                </>
              }
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  <div>
                    {first.length > 0
                      ? `Page ${first
                          .map(o =>
                            o.until
                              ? `${o.displayName} ${untilText(
                                  o.until,
                                  o.timeZone,
                                )}`
                              : o.displayName,
                          )
                          .join(' and ')}`
                      : 'Nobody on call at the first level'}
                    {item.escalationPolicy.source === 'none'
                      ? ' (no escalation policy: the owners)'
                      : ''}
                  </div>
                  <div>Then: {nextLevelText(item.escalateNext)}</div>
                  <div>
                    Reach them: <ContactLinks contacts={item.contacts} />
                  </div>
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}

/** The search box and its results, under whichever header the app gives the page. */
export function LookupSearch() {
  const classes = useStyles();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  useDebounce(() => setQuery(input.trim()), 250, [input]);
  return (
    <Content>
      <TextField
        className={classes.search}
        fullWidth
        variant="outlined"
        label="Service, database, team, tag or service name"
        value={input}
        onChange={event => setInput(event.target.value)}
        inputProps={{ 'aria-label': 'Search who to page' }}
      />
      <LookupResults query={query} />
    </Content>
  );
}

/**
 * "Who do I page?": one search box across the catalog; each result shows its owner, who is on
 * call now, and the next escalation level. On the new frontend system the app draws the page's
 * header, and the page is `LookupSearch` alone.
 *
 * @public
 */
export function LookupPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Who do I page?"
        subtitle="Owners, on-call and escalation for anything in the catalog"
      />
      <LookupSearch />
    </Page>
  );
}
