import { HumanDuration } from '@backstage/types';

export interface Config {
  reliability?: {
    /** Where SLIs are measured: Prometheus, or anything serving its HTTP API. */
    prometheus?: {
      /**
       * Base URL of the Prometheus HTTP API, without `/api/v1`, e.g. `http://prometheus:9090`.
       * Without it no SLO is measured.
       */
      baseUrl?: string;
      /**
       * Extra request headers, e.g. `Authorization` or Mimir's `X-Scope-OrgID`.
       * @visibility secret
       */
      headers?: { [name: string]: string };
      /**
       * How long one query may take before Prometheus counts as unavailable (the SLO keeps its
       * last values, marked stale). A duration object or a string such as `10s`; default 10 s.
       */
      timeout?: HumanDuration | string;
    };
  };
}
