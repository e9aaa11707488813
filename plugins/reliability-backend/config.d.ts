import { HumanDuration } from '@backstage/types';

export interface Config {
  reliability?: {
    /** SLOs and error budgets. */
    slo?: {
      /**
       * An SLO with this share of its error budget left, or less, is `warning` (0.25 means 25%).
       * Default 0.25.
       */
      warningThreshold?: number;
      evaluation?: {
        /**
         * How often every SLO is evaluated (once per cycle across all backend replicas).
         * A duration object or a string such as `1m`; default one minute.
         */
        frequency?: HumanDuration | string;
        /** How long one evaluation cycle may run before it is abandoned; default 10 minutes. */
        timeout?: HumanDuration | string;
        /** How many SLOs are evaluated at the same time; default 8. */
        concurrency?: number;
      };
      /**
       * How long evaluation history is kept; each objective's latest snapshot is always kept.
       * Default 7 days.
       */
      snapshotRetention?: HumanDuration | string;
    };
    /** Declared and observed dependencies, and impact. */
    dependencies?: {
      /**
       * How often each replica rebuilds its dependency graph with the observations other
       * replicas recorded (it is also rebuilt whenever the catalog index refreshes). A duration
       * object or a string such as `1m`; default one minute.
       */
      refreshFrequency?: HumanDuration | string;
      /** Observed edges not seen for this many days are dropped (not incident evidence, which stays while its incident names the entities); default 90. */
      retentionDays?: number;
      /**
       * A declared edge not observed for this many days, while its dependent is observed, is
       * listed as unobserved; default 14.
       */
      staleAfterDays?: number;
      /** The deepest impact walk allowed (`maxDepth`); default 20. */
      maxDepth?: number;
      /** At most this many impacted entities are returned (then `truncated`); default 10,000. */
      maxResults?: number;
    };
    /** Incident history and blameless postmortems. */
    incidents?: {
      /**
       * Days after a SEV1 or SEV2 incident is resolved by which it should have a postmortem;
       * later, it counts in `postmortemsMissing`. Default 5.
       */
      postmortemDueDays?: number;
      /**
       * Groups whose members may edit any incident, its timeline and its postmortem, besides
       * its creator, its commander and the members of the involved entities' owner groups,
       * e.g. `group:default/sre`.
       */
      responderGroups?: string[];
      pagerduty?: {
        /**
         * The secrets PagerDuty signs its v3 webhooks with (`X-PagerDuty-Signature`). List a new
         * one beside the old while rotating. Without any, the webhook answers 401 to everything.
         * @visibility secret
         */
        webhookSecrets?: string[];
      };
    };
    /** Runbooks (an entity's links of type `runbook`) and their drills. */
    runbooks?: {
      /**
       * A runbook is fresh when its latest drill passed at or after now minus this many days;
       * never drilled, failed, partial or older is flagged. Default 90.
       */
      drillFreshnessDays?: number;
    };
    /** The change-risk report (`GET /change-risk`, the Before-you-change page, the CLI). */
    changeRisk?: {
      /**
       * A change whose downstream impact reaches this many owners besides the entity's own is
       * high risk. Default 3.
       */
      ownersThreshold?: number;
    };
    /** The catalog index each backend replica keeps in memory, which every capability reads. */
    catalog?: {
      /**
       * How often each backend replica reads the catalog again (owners, users, groups,
       * escalation policies, SLOs, relations), in one paging. A duration object or a string
       * such as `1m`; default one minute.
       */
      refreshFrequency?: HumanDuration | string;
    };
  };
}
