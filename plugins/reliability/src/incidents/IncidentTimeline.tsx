import { useApi } from '@backstage/core-plugin-api';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  TIMELINE_ENTRY_KINDS,
  TimelineEntryKind,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../api';
import { formatLocal } from '../shared/formatTime';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';
import { TIMELINE_KIND_LABELS } from './incidentWords';

/** The incident's timeline in time order, with one line to add what just happened. */
export function IncidentTimeline(props: {
  incidentId: number;
  refresh: number;
}) {
  const api = useApi(reliabilityApiRef);
  const [added, setAdded] = useState(0);
  const timeline = useReliabilityApi(
    a => a.getTimeline(props.incidentId),
    [props.incidentId, props.refresh, added],
  );
  const [kind, setKind] = useState<TimelineEntryKind>('note');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  async function add() {
    setError(undefined);
    setSaving(true);
    try {
      await api.addTimelineEntry(props.incidentId, { kind, text: text.trim() });
      setText('');
      setAdded(n => n + 1);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Box>
      <RequestContent request={timeline}>
        {({ items }) =>
          items.length === 0 ? (
            <Typography color="textSecondary">
              Nothing on the timeline yet.
            </Typography>
          ) : (
            <List aria-label="Timeline" dense>
              {items.map(entry => (
                <ListItem key={entry.id} disableGutters alignItems="flex-start">
                  <ListItemText
                    primary={entry.text}
                    primaryTypographyProps={{
                      style: { whiteSpace: 'pre-wrap' },
                    }}
                    secondary={
                      <>
                        {formatLocal(entry.at)} ·{' '}
                        {TIMELINE_KIND_LABELS[entry.kind]} ·{' '}
                        {entry.author.includes(':') ? (
                          <EntityDisplayName
                            entityRef={entry.author}
                            hideIcon
                          />
                        ) : (
                          entry.author
                        )}
                      </>
                    }
                  />
                </ListItem>
              ))}
            </List>
          )
        }
      </RequestContent>
      <Box
        component="form"
        display="flex"
        gridGap={8}
        alignItems="flex-end"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          if (text.trim() && !saving) add();
        }}
      >
        <TextField
          select
          id="timeline-kind"
          label="Kind"
          value={kind}
          onChange={e => setKind(e.target.value as TimelineEntryKind)}
          style={{ minWidth: 130 }}
        >
          {TIMELINE_ENTRY_KINDS.filter(k => k !== 'status-change').map(k => (
            <MenuItem key={k} value={k}>
              {TIMELINE_KIND_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="timeline-text"
          label="What happened"
          value={text}
          onChange={e => setText(e.target.value)}
          fullWidth
          inputProps={{ maxLength: 5000, 'aria-label': 'Timeline entry' }}
        />
        <Button
          type="submit"
          variant="outlined"
          disabled={!text.trim() || saving}
          style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        >
          Add to timeline
        </Button>
      </Box>
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
    </Box>
  );
}
