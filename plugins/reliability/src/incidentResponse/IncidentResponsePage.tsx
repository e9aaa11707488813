import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
} from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { configApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  Button,
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { DECLARATION_QUESTIONS } from '../incidents';
import { OverviewCards, useEntityOverview } from '../overview';
import { RequestContent } from '../shared/RequestContent';
import { EntityChooser } from './EntityChooser';
import { INCIDENT_ROLES, triageSteps } from './triageSteps';

function TriageChecklist(props: {
  entity: Entity;
  overview: ReturnType<typeof useEntityOverview>['value'];
}) {
  const config = useApi(configApiRef);
  const steps = triageSteps(props.entity, props.overview, {
    grafanaUrl: config.getOptionalString(
      'reliability.incidentResponse.grafanaUrl',
    ),
    sentryUrl: config.getOptionalString(
      'reliability.incidentResponse.sentryUrl',
    ),
  });
  return (
    <InfoCard title="Triage, in order">
      <List component="ol" aria-label="Triage checklist">
        {steps.map((step, i) => (
          <ListItem key={step.title} disableGutters alignItems="flex-start">
            <ListItemText
              primary={`${i + 1}. ${step.title}: ${step.question}`}
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  {step.known.map(fact => (
                    <div key={fact}>{fact}</div>
                  ))}
                  {step.links.map(link => (
                    <div key={link.url}>
                      <Link to={link.url}>{link.title}</Link>
                    </div>
                  ))}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}

/** A link to the Incidents tab of the entity page of `entityRef`. */
function IncidentsTabLink(props: { entityRef: string }) {
  const entityPath = useRouteRef(entityRouteRef);
  return (
    <Link to={`${entityPath(entityRouteParams(props.entityRef))}/incidents`}>
      open it
    </Link>
  );
}

function ChosenEntity(props: { entityRef: string; onChange: () => void }) {
  const catalogApi = useApi(catalogApiRef);
  const entity = useAsync(async () => {
    const found = await catalogApi.getEntityByRef(props.entityRef);
    if (!found) throw new Error(`No entity ${props.entityRef} in the catalog`);
    return found;
  }, [props.entityRef]);
  return (
    <RequestContent request={entity}>
      {value => <EntityResponse entity={value} onChange={props.onChange} />}
    </RequestContent>
  );
}

function EntityResponse(props: { entity: Entity; onChange: () => void }) {
  const { entity } = props;
  const overview = useEntityOverview({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
  return (
    <>
      <Typography variant="h5" component="h2" gutterBottom>
        {entity.metadata.title ?? entity.metadata.name}{' '}
        <Button size="small" onClick={props.onChange}>
          Choose another
        </Button>
      </Typography>
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <TriageChecklist entity={entity} overview={overview.value} />
        </Grid>
        <Grid item xs={12} md={7}>
          <RequestContent request={overview} keepWhileReloading>
            {value => (
              <OverviewCards
                entity={entity}
                overview={value}
                onDrillRecorded={overview.retry}
                columns={1}
              />
            )}
          </RequestContent>
        </Grid>
      </Grid>
    </>
  );
}

/**
 * The page a responder opens first: which entity is in trouble, the triage checklist with its
 * own dashboards, when to declare and who does what, beside the entity's overview.
 */
export function IncidentResponsePage() {
  const [params, setParams] = useSearchParams();
  const entityRef = params.get('entity');
  return (
    <Page themeId="tool">
      <Header
        title="Incident response"
        subtitle="Mitigate first: roll back, fail over, cut the failing dependency"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            {entityRef ? (
              <ChosenEntity
                entityRef={entityRef}
                onChange={() => setParams({})}
              />
            ) : (
              <EntityChooser onChoose={ref => setParams({ entity: ref })} />
            )}
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Declare an incident when">
              <List dense aria-label="When to declare">
                {DECLARATION_QUESTIONS.map(question => (
                  <ListItem key={question} disableGutters>
                    <ListItemText primary={question} />
                  </ListItem>
                ))}
              </List>
              <Typography variant="body2" color="textSecondary">
                Declare on the entity's Incidents tab
                {entityRef && (
                  <>
                    {' '}
                    (<IncidentsTabLink entityRef={entityRef} />)
                  </>
                )}
                ; it gives the first notice to send.
              </Typography>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Roles">
              <List dense aria-label="Roles">
                {INCIDENT_ROLES.map(({ role, does }) => (
                  <ListItem key={role} disableGutters>
                    <ListItemText primary={role} secondary={does} />
                  </ListItem>
                ))}
              </List>
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
