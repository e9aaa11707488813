import {
  CodeSnippet,
  InfoCard,
  Link,
  WarningPanel,
} from '@backstage/core-components';
import {
  EntityDisplayName,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  Box,
  List,
  ListItem,
  ListItemText,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { EscalationResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { countOf } from '../shared/format';
import { untilText } from '../shared/formatTime';
import { RequestContent } from '../shared/RequestContent';
import { ContactLinks } from './ContactLinks';
import { escalationPolicySnippet } from './escalationPolicySnippet';
import { OnCallSchedule } from './OnCallSchedule';
import { useEntityEscalation } from './useEntityEscalation';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(2) },
}));

const SOURCE_WORDS: Record<
  EscalationResponse['escalationPolicy']['source'],
  string
> = {
  annotation:
    "named by this entity's reliability.io/escalation-policy annotation",
  provider: 'from the external pager',
  owner: "the owner's policy",
  'parent-group': "a parent group's policy (the owner has none)",
  none: 'none',
};

function PolicyName(props: { escalation: EscalationResponse }) {
  const { ref, source } = props.escalation.escalationPolicy;
  if (!ref) {
    return <>none</>;
  }
  return source === 'provider' ? <>{ref}</> : <EntityRefLink entityRef={ref} />;
}

/** The escalation path of the entity in view: owner, on call now, levels, contacts, schedule. */
export function EscalationDetails(props: {
  escalation: EscalationResponse;
  showSchedule?: boolean;
}) {
  const { escalation, showSchedule } = props;
  const classes = useStyles();
  const policyGroup = escalation.escalationPolicy.ref
    ? escalation.owner?.ref
    : undefined;
  return (
    <>
      {escalation.warnings.length > 0 && (
        <Box className={classes.section}>
          <WarningPanel
            severity="warning"
            title={`${countOf(escalation.warnings.length, 'thing')} to check`}
            message={escalation.warnings.join('\n')}
          />
        </Box>
      )}
      <Typography className={classes.section}>
        Owner:{' '}
        {escalation.owner ? (
          <EntityRefLink
            entityRef={escalation.owner.ref}
            title={escalation.owner.title}
          />
        ) : (
          'none'
        )}
        {escalation.owner?.email && (
          <>
            {' · '}
            <Link to={`mailto:${escalation.owner.email}`}>
              {escalation.owner.email}
            </Link>
          </>
        )}
      </Typography>
      <Typography className={classes.section}>
        Escalation policy: <PolicyName escalation={escalation} /> (
        {SOURCE_WORDS[escalation.escalationPolicy.source]})
      </Typography>

      <Typography variant="subtitle2">On call now</Typography>
      <List dense aria-label="On call now" className={classes.section}>
        {escalation.onCall.filter(o => o.level === 1).length === 0 && (
          <ListItem disableGutters>
            <ListItemText primary="Nobody at the first level right now" />
          </ListItem>
        )}
        {escalation.onCall
          .filter(o => o.level === 1)
          .map(entry => (
            <ListItem key={`${entry.rotation}/${entry.userRef}`} disableGutters>
              <ListItemText
                primary={
                  <>
                    <EntityRefLink
                      entityRef={entry.userRef}
                      title={entry.displayName}
                    />
                    {entry.rotation ? ` (${entry.rotation})` : ''}
                  </>
                }
                secondary={untilText(entry.until, entry.timeZone)}
              />
            </ListItem>
          ))}
      </List>

      <Typography variant="subtitle2">Escalation</Typography>
      <List dense aria-label="Escalation levels" className={classes.section}>
        {escalation.levels.map(level => {
          const users = [...new Set(level.targets.flatMap(t => t.users))];
          return (
            <ListItem key={level.level} disableGutters>
              <ListItemText
                primary={`Level ${level.level}${
                  level.delayMinutes > 0
                    ? ` after ${countOf(level.delayMinutes, 'minute')}`
                    : ', at once'
                }: ${level.targets.map(t => t.displayName).join(', ')}`}
                secondaryTypographyProps={{ component: 'div' }}
                secondary={
                  users.length > 0 ? (
                    <>
                      Reaches{' '}
                      {users.map((user, i) => (
                        <span key={user}>
                          {i > 0 && ', '}
                          <EntityDisplayName
                            entityRef={user}
                            hideIcon
                            disableTooltip
                          />
                        </span>
                      ))}
                    </>
                  ) : (
                    'Reaches nobody right now'
                  )
                }
              />
            </ListItem>
          );
        })}
      </List>

      <Typography className={classes.section} component="div">
        Contacts: <ContactLinks contacts={escalation.contacts} />
      </Typography>
      {showSchedule &&
        policyGroup &&
        escalation.escalationPolicy.source !== 'provider' && (
          <>
            <Typography variant="subtitle2">Next 14 days</Typography>
            <OnCallSchedule groupRef={policyGroup} />
          </>
        )}
    </>
  );
}

/**
 * The "Ownership & escalation" card: who owns the entity, who is on call now and until when
 * (in your time zone and the rotation's), whom to escalate to after how many minutes, contacts,
 * and the next 14 days of the owner's rotations.
 *
 * @public
 */
export function EntityEscalationCard() {
  const { entity } = useEntity();
  const escalation = useEntityEscalation();
  return (
    <InfoCard title="Ownership & escalation">
      <RequestContent request={escalation}>
        {value => (
          <>
            <EscalationDetails escalation={value} showSchedule />
            {value.escalationPolicy.source === 'none' && (
              <CodeSnippet
                text={escalationPolicySnippet(entity)}
                language="yaml"
                showCopyCodeButton
              />
            )}
          </>
        )}
      </RequestContent>
    </InfoCard>
  );
}
