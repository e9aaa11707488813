import { HumanDuration } from '@backstage/types';

export interface Config {
  reliability?: {
    escalation?: {
      /** PagerDuty, for entities annotated `pagerduty.com/service-id`. */
      pagerduty?: {
        /**
         * A PagerDuty REST API v2 key (read-only is enough). Without it the module adds nothing.
         * @visibility secret
         */
        token?: string;
        /** The REST API's base URL; default https://api.pagerduty.com. */
        baseUrl?: string;
        /** How long answers are reused before PagerDuty is asked again; default one minute. */
        cacheTtl?: HumanDuration | string;
      };
    };
  };
}
