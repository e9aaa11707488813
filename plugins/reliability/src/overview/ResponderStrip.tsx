import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Paper, Typography, makeStyles } from '@material-ui/core';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';
import { ReactNode } from 'react';
import { ContactLinks, nextLevelText } from '../escalation';
import { untilText } from '../shared/formatTime';
import { SloStateLabel } from '../shared/SloStateLabel';
import { sloVerdict } from '../slo';

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

type Ownership = EntityOverview['ownership'];

function onCallNow(ownership: Ownership): ReactNode {
  if (ownership.onCall.length === 0)
    return 'Nobody at the first level right now';
  return ownership.onCall.map((entry, i) => (
    <span key={entry.userRef}>
      {i > 0 && ', '}
      <EntityRefLink entityRef={entry.userRef} title={entry.displayName} />{' '}
      {untilText(entry.until, entry.timeZone)}
    </span>
  ));
}

function owner(ownership: Ownership): ReactNode {
  if (ownership.owner) {
    return (
      <EntityRefLink
        entityRef={ownership.owner.ref}
        title={ownership.owner.title}
        defaultKind="group"
      />
    );
  }
  if (ownership.state === 'unavailable') {
    return ownership.reason;
  }
  return 'No owner: set spec.owner in catalog-info.yaml';
}

function worstSlo(slos: EntityOverview['slos']): ReactNode {
  if (slos.state !== 'ok') return slos.reason;
  const [worst, ...others] = slos.items;
  return (
    <>
      <SloStateLabel state={worst.status.state} stale={worst.status.stale} />{' '}
      {worst.title}: {sloVerdict(worst)}
      {others.length > 0 && ` (and ${others.length} more below)`}
    </>
  );
}

/**
 * The first thing a responder reads, in the order they need it: who owns this, who is on call
 * now and until when (in their time zone and the rotation's), whom to escalate to next and
 * after how long, how to reach them, and whether the budget is burning and which alert says so.
 */
export function ResponderStrip(props: { overview: EntityOverview }) {
  const classes = useStyles();
  const { ownership, slos } = props.overview;
  // What each field says while escalation cannot tell: the part's own reason.
  const about = (render: (value: Ownership) => ReactNode): ReactNode => {
    if (ownership.state === 'unavailable') return ownership.reason;
    if (ownership.state === 'not-configured') {
      return `Not configured: ${ownership.reason}`;
    }
    return render(ownership);
  };
  return (
    <Paper
      component="section"
      className={classes.strip}
      aria-label="Responder summary"
    >
      <Field label="Owner">{owner(ownership)}</Field>
      <Field label="On call now">{about(onCallNow)}</Field>
      <Field label="Escalate next">
        {about(value =>
          value.escalateNext
            ? nextLevelText(value.escalateNext)
            : 'No later level',
        )}
      </Field>
      <Field label="Reach them">
        {about(value => (
          <ContactLinks contacts={value.contacts} />
        ))}
      </Field>
      <Field label="Error budget" wide>
        {worstSlo(slos)}
      </Field>
    </Paper>
  );
}
