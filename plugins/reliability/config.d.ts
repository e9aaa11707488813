export interface Config {
  reliability?: {
    /** The incident-response page. */
    incidentResponse?: {
      /**
       * Your Grafana's address, e.g. https://grafana.example.com: the triage checklist links
       * an entity annotated `grafana/dashboard-selector` to its dashboards there.
       * @visibility frontend
       */
      grafanaUrl?: string;
      /**
       * Your Sentry organisation's address, e.g. https://sentry.io/organizations/acme: the
       * triage checklist links an entity annotated `sentry.io/project-slug` to its project.
       * @visibility frontend
       */
      sentryUrl?: string;
    };
  };
}
