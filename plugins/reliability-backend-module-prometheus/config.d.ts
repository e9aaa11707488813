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
    dependencies?: {
      /** Dependencies observed in a service graph in Prometheus (with reliability.prometheus). */
      serviceGraph?: {
        /**
         * A PromQL query whose series name a client and a server. Default:
         * `sum by (client, server) (increase(traces_service_graph_request_total[1h])) > 0`.
         * For Istio: `sum by (source_workload, destination_workload)
         * (increase(istio_requests_total[1h])) > 0` with the labels below.
         */
        query?: string;
        /** How often it runs; default five minutes. */
        frequency?: HumanDuration | string;
        /** The label naming the caller; default `client` (Istio: `source_workload`). */
        clientLabel?: string;
        /** The label naming the callee; default `server` (Istio: `destination_workload`). */
        serverLabel?: string;
      };
    };
  };
}
