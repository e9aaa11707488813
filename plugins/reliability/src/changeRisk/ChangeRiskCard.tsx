import {
  CodeSnippet,
  InfoCard,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  ChangeRiskLevel,
  changeRiskNotice,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { RequestContent } from '../shared/RequestContent';
import { SloStateLabel } from '../shared/SloStateLabel';
import { useReliabilityApi } from '../shared/useReliabilityApi';

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
  return (
    <InfoCard title={`Change risk of ${title}`}>
      <RequestContent request={report}>
        {value => (
          <>
            <Typography variant="h6" component="p">
              <RiskLabel risk={value.risk} /> · release gate{' '}
              <SloStateLabel state={value.releaseGate} />
            </Typography>
            <List dense aria-label="Why">
              {value.reasons.map(reason => (
                <ListItem key={reason} disableGutters>
                  <ListItemText
                    primary={reason}
                    primaryTypographyProps={{ style: { whiteSpace: 'normal' } }}
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
            <div data-testid="change-notice">
              <CodeSnippet
                text={changeRiskNotice(value, {
                  title,
                  change: change.trim() || undefined,
                })}
                language="markdown"
                showCopyCodeButton
              />
            </div>
          </>
        )}
      </RequestContent>
    </InfoCard>
  );
}
