import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Paper, Typography, makeStyles } from '@material-ui/core';
import {
  EscalationResponse,
  nextEscalation,
  SloItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { ReactNode } from 'react';
import {
  ContactLinks,
  nextLevelText,
  useEntityEscalation,
} from '../escalation';
import { untilText } from '../shared/formatTime';
import { SloStateLabel } from '../shared/SloStateLabel';
import { sloVerdict, useEntitySlos } from '../slo';

const useStyles = makeStyles(theme => ({
  strip: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: theme.spacing(2, 4),
    padding: theme.spacing(2, 3),
    marginBottom: theme.spacing(3),
  },
  wide: { gridColumn: '1 / -1' },
  label: {
    textTransform: 'uppercase',
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
}));

function Field(props: { label: string; wide?: boolean; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div className={props.wide ? classes.wide : undefined}>
      <Typography className={classes.label} component="h2">
        {props.label}
      </Typography>
      <Typography component="div">{props.children}</Typography>
    </div>
  );
}

function onCallNow(escalation: EscalationResponse): ReactNode {
  const first = escalation.onCall.filter(entry => entry.level === 1);
  if (escalation.escalationPolicy.source === 'none') {
    return 'Not configured: no escalation policy covers this entity';
  }
  if (first.length === 0) return 'Nobody at the first level right now';
  return first.map((entry, i) => (
    <span key={`${entry.rotation}/${entry.userRef}`}>
      {i > 0 && ', '}
      <EntityRefLink entityRef={entry.userRef} title={entry.displayName} />{' '}
      {untilText(entry.until, entry.timeZone)}
    </span>
  ));
}

function worstSlo(items: SloItem[]): ReactNode {
  if (items.length === 0) return 'No SLOs yet';
  const [worst, ...others] = items;
  return (
    <>
      <SloStateLabel state={worst.status.state} stale={worst.status.stale} />{' '}
      {worst.title}: {sloVerdict(worst)}
      {others.length > 0 && ` (and ${others.length} more on the SLOs tab)`}
    </>
  );
}

/**
 * The first thing a responder reads, in the order they need it: who owns this, who is on call
 * now and until when (in their time zone and the rotation's), whom to escalate to next and
 * after how long, how to reach them, and whether the budget is burning and which alert says so.
 */
export function ResponderStrip() {
  const classes = useStyles();
  const { entity } = useEntity();
  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  const escalation = useEntityEscalation();
  const slos = useEntitySlos();
  const about = <T,>(
    request: { loading: boolean; error?: Error; value?: T },
    render: (value: T) => ReactNode,
  ): ReactNode => {
    if (request.error) return `Unavailable: ${request.error.message}`;
    if (request.loading || request.value === undefined) return 'Loading…';
    return render(request.value);
  };

  return (
    <Paper
      component="section"
      className={classes.strip}
      aria-label="Responder summary"
    >
      <Field label="Owner">
        {owners.length > 0 ? (
          <EntityRefLinks entityRefs={owners} defaultKind="group" />
        ) : (
          'No owner: set spec.owner in catalog-info.yaml'
        )}
      </Field>
      <Field label="On call now">{about(escalation, onCallNow)}</Field>
      <Field label="Escalate next">
        {about(escalation, value => nextLevelText(nextEscalation(value)))}
      </Field>
      <Field label="Reach them">
        {about(escalation, value => (
          <ContactLinks contacts={value.contacts} />
        ))}
      </Field>
      <Field label="Error budget" wide>
        {about(slos, worstSlo)}
      </Field>
    </Paper>
  );
}
