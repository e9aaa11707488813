import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import {
  Drill,
  RunbookItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { formatLocal } from '../shared/formatTime';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';
import { OUTCOME_LABELS } from './runbookWords';

const PAGE = 20;

/** The entity's drills, newest first, a page at a time: what each exercised and found. */
export function DrillHistoryDialog(props: {
  entity: { kind: string; namespace: string; name: string };
  runbooks: RunbookItem[];
  onClose: () => void;
}) {
  const [older, setOlder] = useState<Drill[]>([]);
  const [cursor, setCursor] = useState<string>();
  const page = useReliabilityApi(
    api => api.listEntityDrills(props.entity, { limit: PAGE, cursor }),
    [props.entity.kind, props.entity.namespace, props.entity.name, cursor],
  );
  const titleOf = (url: string) =>
    props.runbooks.find(r => r.url === url)?.title ?? url;
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>Drill history</DialogTitle>
      <DialogContent>
        <RequestContent request={page}>
          {({ items, cursor: next }) => {
            const drills = [...older, ...items];
            if (drills.length === 0) {
              return (
                <Typography color="textSecondary">
                  No drills recorded yet.
                </Typography>
              );
            }
            return (
              <>
                <List aria-label="Drills">
                  {drills.map(drill => (
                    <ListItem key={drill.id} divider disableGutters>
                      <ListItemText
                        primary={`${formatLocal(drill.performedAt)}: ${titleOf(
                          drill.runbookUrl,
                        )}, ${OUTCOME_LABELS[drill.outcome]}${
                          drill.minutesToMitigate === null
                            ? ''
                            : `, ${drill.minutesToMitigate} min to mitigate`
                        }`}
                        secondaryTypographyProps={{ component: 'div' }}
                        secondary={
                          <>
                            <div>Scenario: {drill.scenario}</div>
                            {drill.findings && (
                              <div style={{ whiteSpace: 'pre-wrap' }}>
                                Findings: {drill.findings}
                              </div>
                            )}
                            {drill.participants.length > 0 && (
                              <div>
                                With{' '}
                                <EntityRefLinks
                                  entityRefs={drill.participants}
                                  defaultKind="user"
                                  hideIcons
                                />
                              </div>
                            )}
                          </>
                        }
                      />
                    </ListItem>
                  ))}
                </List>
                {next && (
                  <Button
                    onClick={() => {
                      setOlder(drills);
                      setCursor(next);
                    }}
                  >
                    Show older drills
                  </Button>
                )}
              </>
            );
          }}
        </RequestContent>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
