import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  IconButton,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  ACTION_ITEM_CATEGORIES,
  ACTION_ITEM_STATUSES,
  ActionItem,
  Postmortem,
  PostmortemInput,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../api';
import { formatLocal } from '../shared/formatTime';

type Part = {
  key: keyof Omit<PostmortemInput, 'actionItems'>;
  label: string;
  prompt: string;
  required?: boolean;
};

// Blameless: each prompt asks about the system and the sequence of events, never a person.
const PARTS: Part[] = [
  {
    key: 'symptom',
    label: 'Symptom',
    prompt:
      'What did users and other teams see, and for how long? Words a non-engineer follows.',
    required: true,
  },
  {
    key: 'response',
    label: 'Response',
    prompt:
      'How it was detected, who was brought in, what was tried and what stopped the harm, in order.',
    required: true,
  },
  {
    key: 'cause',
    label: 'Cause',
    prompt:
      'Which conditions of the system let it happen. Describe the system and the sequence, not a person.',
    required: true,
  },
  {
    key: 'trigger',
    label: 'Trigger',
    prompt: 'What set it off: a change, a test, load, a failure elsewhere.',
  },
  {
    key: 'detection',
    label: 'Detection',
    prompt: 'How it was noticed, and how it could have been noticed sooner.',
  },
  { key: 'wentWell', label: 'What went well', prompt: 'What to keep doing.' },
  {
    key: 'wentWrong',
    label: 'What went wrong',
    prompt: 'Where the system or the process made the response harder.',
  },
  {
    key: 'gotLucky',
    label: 'Where we got lucky',
    prompt: 'What kept it from being worse, by chance.',
  },
];

const CATEGORY_LABELS: Record<ActionItem['category'], string> = {
  prevent: 'Prevent it',
  detect: 'Detect it sooner',
  respond: 'Handle it better',
};

const emptyItem = (): ActionItem => ({
  text: '',
  category: 'prevent',
  owner: '',
  dueDate: null,
  status: 'open',
  link: null,
});

function draftOf(postmortem?: Postmortem): PostmortemInput {
  return {
    symptom: postmortem?.symptom ?? '',
    response: postmortem?.response ?? '',
    cause: postmortem?.cause ?? '',
    trigger: postmortem?.trigger ?? '',
    detection: postmortem?.detection ?? '',
    wentWell: postmortem?.wentWell ?? '',
    wentWrong: postmortem?.wentWrong ?? '',
    gotLucky: postmortem?.gotLucky ?? '',
    actionItems: postmortem?.actionItems ?? [],
  };
}

/**
 * The postmortem in its four parts (symptom, response, cause, action items) and the optional
 * ones, with prompts for blameless writing. Saving replaces the version that was read; a newer
 * one written meanwhile is reported, not overwritten.
 */
export function PostmortemEditor(props: {
  incidentId: number;
  postmortem?: Postmortem;
  onSaved: (postmortem: Postmortem) => void;
}) {
  const api = useApi(reliabilityApiRef);
  const [draft, setDraft] = useState<PostmortemInput>(() =>
    draftOf(props.postmortem),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const setPart = (key: Part['key'], value: string) =>
    setDraft(d => ({ ...d, [key]: value }));
  const setItem = (index: number, change: Partial<ActionItem>) =>
    setDraft(d => ({
      ...d,
      actionItems: d.actionItems.map((item, i) =>
        i === index ? { ...item, ...change } : item,
      ),
    }));

  async function save() {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.putPostmortem(props.incidentId, {
        ...draft,
        actionItems: draft.actionItems.map(item => ({
          ...item,
          dueDate: item.dueDate || null,
          link: item.link || null,
        })),
        ...(props.postmortem ? { version: props.postmortem.version } : {}),
      });
      props.onSaved(saved);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const complete = PARTS.filter(p => p.required).every(p =>
    String(draft[p.key] ?? '').trim(),
  );

  return (
    <Box component="section" aria-label="Postmortem">
      {props.postmortem && (
        <Typography variant="body2" color="textSecondary" paragraph>
          Version {props.postmortem.version}, last saved{' '}
          {formatLocal(props.postmortem.updatedAt)}.
        </Typography>
      )}
      {PARTS.map(part => (
        <TextField
          key={part.key}
          id={`postmortem-${part.key}`}
          label={part.label}
          helperText={part.prompt}
          value={draft[part.key] ?? ''}
          onChange={e => setPart(part.key, e.target.value)}
          required={part.required}
          fullWidth
          multiline
          minRows={part.required ? 3 : 1}
          margin="normal"
          inputProps={{ maxLength: 20_000 }}
        />
      ))}
      <Typography variant="h6" component="h3" style={{ marginTop: 16 }}>
        Action items
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        How do we prevent it, detect it sooner, handle it better? Each with an
        owner (a team or a person, e.g. group:default/payments) and a due date.
      </Typography>
      {draft.actionItems.map((item, i) => (
        <Box
          key={i}
          display="flex"
          flexWrap="wrap"
          gridGap={8}
          alignItems="flex-end"
          role="group"
          aria-label={`Action item ${i + 1}`}
        >
          <TextField
            id={`action-item-${i}-text`}
            label="Action"
            value={item.text}
            onChange={e => setItem(i, { text: e.target.value })}
            style={{ flex: '2 1 240px' }}
            inputProps={{ maxLength: 1000 }}
          />
          <TextField
            select
            id={`action-item-${i}-category`}
            label="For"
            value={item.category}
            onChange={e =>
              setItem(i, { category: e.target.value as ActionItem['category'] })
            }
            style={{ minWidth: 150 }}
          >
            {ACTION_ITEM_CATEGORIES.map(c => (
              <MenuItem key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id={`action-item-${i}-owner`}
            label="Owner"
            value={item.owner}
            onChange={e => setItem(i, { owner: e.target.value })}
            style={{ flex: '1 1 180px' }}
          />
          <TextField
            id={`action-item-${i}-due`}
            label="Due"
            type="date"
            value={item.dueDate ?? ''}
            onChange={e => setItem(i, { dueDate: e.target.value })}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            select
            id={`action-item-${i}-status`}
            label="Status"
            value={item.status}
            onChange={e =>
              setItem(i, { status: e.target.value as ActionItem['status'] })
            }
          >
            {ACTION_ITEM_STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id={`action-item-${i}-link`}
            label="Link"
            value={item.link ?? ''}
            onChange={e => setItem(i, { link: e.target.value })}
            style={{ flex: '1 1 180px' }}
          />
          <IconButton
            aria-label={`Remove action item ${i + 1}`}
            onClick={() =>
              setDraft(d => ({
                ...d,
                actionItems: d.actionItems.filter((_, j) => j !== i),
              }))
            }
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Box display="flex" gridGap={8} mt={2}>
        <Button
          variant="outlined"
          onClick={() =>
            setDraft(d => ({
              ...d,
              actionItems: [...d.actionItems, emptyItem()],
            }))
          }
        >
          Add action item
        </Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!complete || saving}
          onClick={save}
        >
          Save postmortem
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
