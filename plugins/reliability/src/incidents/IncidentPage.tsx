import { Content, ContentHeader, InfoCard } from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/core-plugin-api';
import { Grid, Typography } from '@material-ui/core';
import {
  Incident,
  Postmortem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { incidentRouteRef } from '../routes';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';
import { IncidentFacts } from './IncidentFacts';
import { IncidentStatusLabel, SeverityLabel } from './IncidentLabels';
import { IncidentTimeline } from './IncidentTimeline';
import { PostmortemEditor } from './PostmortemEditor';

/** One incident: its facts and status, its timeline, and its postmortem. */
export function IncidentPage() {
  const { id } = useRouteRefParams(incidentRouteRef);
  // Keyed by the incident, so that what was saved on one is not shown on the next.
  return <IncidentDetails key={id} incidentId={Number(id)} />;
}

function IncidentDetails(props: { incidentId: number }) {
  const { incidentId } = props;
  const [saved, setSaved] = useState<{
    incident?: Incident;
    postmortem?: Postmortem;
  }>({});
  const [changes, setChanges] = useState(0);
  const request = useReliabilityApi(
    async api => {
      const [incident, postmortem] = await Promise.all([
        api.getIncident(incidentId),
        api.getPostmortem(incidentId),
      ]);
      return { incident, postmortem };
    },
    [incidentId],
  );
  return (
    <Content>
      <RequestContent request={request}>
        {loaded => {
          const incident = saved.incident ?? loaded.incident;
          const postmortem = saved.postmortem ?? loaded.postmortem;
          return (
            <>
              <ContentHeader
                title={`Incident ${incident.id}: ${incident.title}`}
              >
                <Typography component="span">
                  <SeverityLabel severity={incident.severity} />{' '}
                  <IncidentStatusLabel status={incident.status} />
                </Typography>
              </ContentHeader>
              <Grid container spacing={3}>
                <Grid item xs={12} md={5}>
                  <InfoCard title="Facts">
                    <IncidentFacts
                      incident={incident}
                      onChanged={updated => {
                        setSaved(s => ({ ...s, incident: updated }));
                        setChanges(n => n + 1);
                      }}
                    />
                  </InfoCard>
                </Grid>
                <Grid item xs={12} md={7}>
                  <InfoCard title="Timeline">
                    <IncidentTimeline
                      incidentId={incident.id}
                      refresh={changes}
                    />
                  </InfoCard>
                </Grid>
                <Grid item xs={12}>
                  <InfoCard title="Postmortem">
                    <PostmortemEditor
                      key={postmortem?.version ?? 0}
                      incidentId={incident.id}
                      postmortem={postmortem}
                      onSaved={written =>
                        setSaved(s => ({ ...s, postmortem: written }))
                      }
                    />
                  </InfoCard>
                </Grid>
              </Grid>
            </>
          );
        }}
      </RequestContent>
    </Content>
  );
}
