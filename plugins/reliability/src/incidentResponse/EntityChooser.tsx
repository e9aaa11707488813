import {
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';

const SHOWN = 8;

/** A search for the entity in trouble, by name, title, tag, owner or service name. */
export function EntityChooser(props: {
  onChoose: (entityRef: string) => void;
}) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useDebounce(() => setQuery(text.trim()), 250, [text]);
  const results = useReliabilityApi(
    async api => (query ? api.lookup(query, SHOWN) : undefined),
    [query],
  );
  return (
    <>
      <TextField
        id="incident-response-entity"
        label="What is in trouble?"
        placeholder="A service, database, team or tag"
        value={text}
        onChange={e => setText(e.target.value)}
        fullWidth
      />
      {query && (
        <RequestContent request={results}>
          {value =>
            value.items.length === 0 ? (
              <Typography color="textSecondary">
                Nothing matches “{query}”.
              </Typography>
            ) : (
              <List dense aria-label="Matching entities">
                {value.items.map(item => (
                  <ListItem
                    key={item.entityRef}
                    button
                    onClick={() => props.onChoose(item.entityRef)}
                  >
                    <ListItemText
                      primary={item.title}
                      secondary={`${item.kind}${
                        item.owner ? `, owned by ${item.owner.title}` : ''
                      }`}
                    />
                  </ListItem>
                ))}
              </List>
            )
          }
        </RequestContent>
      )}
    </>
  );
}
