import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Paper, Typography, makeStyles } from '@material-ui/core';
import { untilText } from '../shared/formatTime';
import { useEntityEscalation } from './useEntityEscalation';

const useStyles = makeStyles(theme => ({
  strip: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    padding: theme.spacing(2, 3),
    marginBottom: theme.spacing(3),
  },
  label: {
    textTransform: 'uppercase',
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
}));

function Field(props: { label: string; children: React.ReactNode }) {
  const classes = useStyles();
  return (
    <div>
      <Typography className={classes.label} component="h2">
        {props.label}
      </Typography>
      <Typography component="div">{props.children}</Typography>
    </div>
  );
}

/**
 * The first thing a responder reads: who owns this, who is on call now (until when, in their
 * time zone and the rotation's), and whom to escalate to next, after how long.
 */
export function OwnershipStrip() {
  const classes = useStyles();
  const { entity } = useEntity();
  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  const { value, loading, error } = useEntityEscalation();

  let onCall: React.ReactNode = 'Loading…';
  let next: React.ReactNode = 'Loading…';
  if (error) {
    onCall = `Unavailable: ${error.message}`;
    next = 'Unavailable';
  } else if (!loading && value) {
    const first = value.onCall.filter(entry => entry.level === 1);
    if (value.escalationPolicy.source === 'none') {
      onCall = 'Not configured: no escalation policy covers this entity';
    } else if (first.length === 0) {
      onCall = 'Nobody at the first level right now';
    } else {
      onCall = first.map((entry, i) => (
        <span key={`${entry.rotation}/${entry.userRef}`}>
          {i > 0 && ', '}
          <EntityRefLink
            entityRef={entry.userRef}
            title={entry.displayName}
          />{' '}
          {untilText(entry.until, entry.timeZone)}
        </span>
      ));
    }
    const level = value.levels.find(l => l.level === 2);
    next = level
      ? `${level.targets.map(t => t.displayName).join(', ')} after ${
          level.delayMinutes
        } minutes`
      : 'No further level';
  }

  return (
    <Paper
      component="section"
      className={classes.strip}
      aria-label="Ownership and escalation"
    >
      <Field label="Owner">
        {owners.length > 0 ? (
          <EntityRefLinks entityRefs={owners} defaultKind="group" />
        ) : (
          'No owner: set spec.owner in catalog-info.yaml'
        )}
      </Field>
      <Field label="On call now">{onCall}</Field>
      <Field label="Escalate next">{next}</Field>
    </Paper>
  );
}
