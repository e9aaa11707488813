import { Entity } from '@backstage/catalog-model';
import { EntityOverview } from '@reliability-suite/backstage-plugin-reliability-common';

/** The Grafana dashboards of an entity (the Backstage Grafana plugin's annotation). */
const ANNOTATION_GRAFANA_SELECTOR = 'grafana/dashboard-selector';
/** The Sentry project of an entity (the Backstage Sentry plugin's annotation). */
const ANNOTATION_SENTRY_PROJECT = 'sentry.io/project-slug';
/** Where the entity's logs are read. */
const ANNOTATION_LOGS_URL = 'reliability.io/logs-url';

export type TriageLink = { title: string; url: string };

export type TriageStep = {
  title: string;
  question: string;
  /** What the portal knows for this step, in words. */
  known: string[];
  links: TriageLink[];
};

/** Where the organisation's Grafana and Sentry live (`reliability.incidentResponse`). */
export type TriageSites = { grafanaUrl?: string; sentryUrl?: string };

function grafanaLink(selector: string, grafanaUrl: string): TriageLink {
  // `tags @> 'orders'` is a tag; anything else is searched for as written.
  const tag = /^tags\s*@>\s*'([^']+)'$/.exec(selector.trim())?.[1];
  const query = tag
    ? `tag=${encodeURIComponent(tag)}`
    : `query=${encodeURIComponent(selector)}`;
  return {
    title: 'Grafana dashboards',
    url: `${grafanaUrl.replace(/\/+$/, '')}/dashboards?${query}`,
  };
}

/**
 * The triage checklist in order (alerts, infrastructure, network, database, application
 * server), each step with what the overview already knows and links to the entity's own
 * dashboards, errors and logs where it is annotated and the site is configured.
 */
const names = (items: Array<{ title: string }>) =>
  items.map(item => item.title).join(', ');

export function triageSteps(
  entity: Entity,
  overview: EntityOverview | undefined,
  sites: TriageSites,
): TriageStep[] {
  const annotations = entity.metadata.annotations ?? {};
  const selector = annotations[ANNOTATION_GRAFANA_SELECTOR];
  const dashboards =
    selector && sites.grafanaUrl
      ? [grafanaLink(selector, sites.grafanaUrl)]
      : [];
  const sentryProject = annotations[ANNOTATION_SENTRY_PROJECT];
  const logsUrl = annotations[ANNOTATION_LOGS_URL];

  const firing = (overview?.slos.items ?? []).filter(item =>
    item.status.alerts.some(alert => alert.firing),
  );
  // Only an answered SLO part can say that nothing fires.
  let alerts = 'Whether SLO alerts fire is not known yet.';
  if (overview?.slos.state === 'ok') {
    alerts =
      firing.length > 0
        ? `Burn-rate alerts fire on ${names(firing)}.`
        : 'No SLO burn-rate alert fires on this entity.';
  } else if (overview) {
    alerts = `SLO alerts: ${overview.slos.reason}.`;
  }
  const troubled = (overview?.upstream.items ?? []).filter(
    suspect =>
      suspect.openIncidents.length > 0 ||
      (suspect.sloState !== null &&
        ['warning', 'freeze', 'error'].includes(suspect.sloState)),
  );
  const resources = troubled.filter(s => s.entityRef.startsWith('resource:'));
  const services = troubled.filter(s => !s.entityRef.startsWith('resource:'));

  return [
    {
      title: 'Alerts',
      question: 'Which alerts fire, since when, and what do they measure?',
      known: [alerts],
      links: dashboards,
    },
    {
      title: 'Infrastructure',
      question:
        'Are hosts, pods or queues saturated, restarting or out of capacity?',
      known: [],
      links: dashboards,
    },
    {
      title: 'Network',
      question:
        'Can it reach what it depends on? Are the services it calls in trouble?',
      known:
        services.length > 0
          ? [`Dependencies in trouble: ${names(services)}.`]
          : [],
      links: [],
    },
    {
      title: 'Database',
      question: 'Are its databases slow, locked, failing over or full?',
      known:
        resources.length > 0
          ? [
              `Resources it uses in trouble (databases, queues, caches): ${names(
                resources,
              )}.`,
            ]
          : [],
      links: [],
    },
    {
      title: 'Application server',
      question:
        'Did errors start with a release or a config change? Roll back first.',
      known: [],
      links: [
        ...(sentryProject && sites.sentryUrl
          ? [
              {
                title: 'Sentry errors',
                url: `${sites.sentryUrl.replace(
                  /\/+$/,
                  '',
                )}/projects/${encodeURIComponent(sentryProject)}/`,
              },
            ]
          : []),
        ...(logsUrl && /^https?:\/\//.test(logsUrl)
          ? [{ title: 'Logs', url: logsUrl }]
          : []),
      ],
    },
  ];
}

/** The roles of an incident response, each with what it does. */
export const INCIDENT_ROLES = [
  {
    role: 'Incident commander',
    does: 'Leads: decides, delegates, keeps the big picture; does not fix things alone.',
  },
  {
    role: 'Operations',
    does: 'Mitigates: rolls back, fails over, scales; the only hands on production.',
  },
  {
    role: 'Communications',
    does: 'Sends the first notice and regular updates to the affected teams and users.',
  },
  {
    role: 'Planning',
    does: 'Keeps the timeline, tracks follow-ups, hands over when a shift ends.',
  },
];
