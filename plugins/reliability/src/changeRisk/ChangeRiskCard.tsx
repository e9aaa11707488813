import {
  CopyTextButton,
  InfoCard,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Box,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  ChangeRiskLevel,
  ChangeRiskReport,
  changeRiskNotice,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { RequestContent } from '../shared/RequestContent';
import { SloStateLabel } from '../shared/SloStateLabel';
import { useReliabilityApi } from '../shared/useReliabilityApi';

const useStyles = makeStyles(theme => ({
  // Long lines wrap: the notice is read here, and pasted as it is.
  notice: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: theme.typography.fontFamily,
    fontSize: theme.typography.body2.fontSize,
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
  },
}));

function RiskLabel(props: { risk: ChangeRiskLevel }) {
  switch (props.risk) {
    case 'high':
      return <StatusError>High risk</StatusError>;
    case 'medium':
      return <StatusWarning>Medium risk</StatusWarning>;
    default:
      return <StatusOK>Low risk</StatusOK>;
  }
}

/**
 * The change-risk report of an entity: the verdict and why, whom to tell in advance with who
 * is on call and where, and the notice to send them as Markdown.
 */
export function ChangeRiskCard(props: { entity: Entity }) {
  const entityRef = stringifyEntityRef(props.entity);
  const title = props.entity.metadata.title ?? props.entity.metadata.name;
  const report = useReliabilityApi(
    api => api.getChangeRisk(entityRef),
    [entityRef],
  );
  const [change, setChange] = useState('');
  const classes = useStyles();
  const noticeFor = (value: ChangeRiskReport) =>
    changeRiskNotice(value, { title, change: change.trim() || undefined });
  return (
    <InfoCard title={`Change risk of ${title}`}>
      <RequestContent request={report}>
        {value => {
          const notice = noticeFor(value);
          return (
            <>
              <Box
                display="flex"
                flexWrap="wrap"
                alignItems="center"
                gridGap={24}
                aria-label="Verdict"
              >
                <Typography variant="h6" component="p">
                  <RiskLabel risk={value.risk} />
                </Typography>
                <Typography component="p">
                  Release gate: <SloStateLabel state={value.releaseGate} />
                </Typography>
              </Box>
              <List dense aria-label="Why">
                {value.reasons.map(reason => (
                  <ListItem key={reason} disableGutters>
                    <ListItemText
                      primary={reason}
                      primaryTypographyProps={{
                        style: { whiteSpace: 'normal' },
                      }}
                    />
                  </ListItem>
                ))}
              </List>
              <Typography variant="subtitle2" component="h3">
                Tell before the change
              </Typography>
              <List dense aria-label="Owners to tell">
                {value.notify.map(owner => (
                  <ListItem key={owner.owner} disableGutters>
                    <ListItemText
                      primary={
                        <EntityRefLink
                          entityRef={owner.owner}
                          title={owner.ownerTitle}
                          defaultKind="group"
                        />
                      }
                      secondary={[
                        owner.onCall.length > 0
                          ? `on call ${owner.onCall
                              .map(o => o.displayName)
                              .join(', ')}`
                          : 'nobody on call',
                        ...(owner.channel ? [owner.channel] : []),
                      ].join(' · ')}
                    />
                  </ListItem>
                ))}
              </List>
              {value.counts.notify > value.notify.length && (
                <Typography variant="caption" color="textSecondary">
                  And {value.counts.notify - value.notify.length} more owners.
                </Typography>
              )}
              <TextField
                id="change-description"
                label="What is the change?"
                helperText="Goes at the top of the notice"
                value={change}
                onChange={e => setChange(e.target.value)}
                fullWidth
                margin="normal"
              />
              <Typography variant="subtitle2" component="h3">
                The notice to send them, as Markdown
              </Typography>
              <Box display="flex" alignItems="flex-start" gridGap={8}>
                <Box
                  component="pre"
                  flex={1}
                  minWidth={0}
                  margin={0}
                  padding={1}
                  className={classes.notice}
                  data-testid="change-notice"
                >
                  {notice}
                </Box>
                <CopyTextButton
                  text={notice}
                  tooltipText="Copied the notice"
                  aria-label="Copy the notice"
                />
              </Box>
            </>
          );
        }}
      </RequestContent>
    </InfoCard>
  );
}
