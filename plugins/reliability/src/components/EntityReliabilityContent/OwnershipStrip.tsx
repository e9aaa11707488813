import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import { Paper, Typography, makeStyles } from '@material-ui/core';

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
 * The first thing a responder reads: who owns this, who is on call now, and whom to escalate
 * to next.
 */
export function OwnershipStrip(props: { entity: Entity }) {
  const classes = useStyles();
  const owners = getEntityRelations(props.entity, RELATION_OWNED_BY);
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
      <Field label="On call now">
        Not configured: no escalation policy covers this entity
      </Field>
      <Field label="Escalate next">Not configured</Field>
    </Paper>
  );
}
