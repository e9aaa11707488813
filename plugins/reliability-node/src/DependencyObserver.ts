import { HumanDuration } from '@backstage/types';

/** A dependency seen at run time, by the names the telemetry uses. */
export type ObservedPair = { client: string; server: string };

/**
 * A source of observed dependencies (a service graph, a mesh's telemetry). The suite runs each
 * observer on its `frequency`, maps the names to catalog entities (by the
 * `reliability.io/service-name` annotation, else by entity name) and records the edges as
 * `traffic` evidence with `detail`.
 */
export interface DependencyObserver {
  readonly id: string;
  readonly frequency: HumanDuration;
  /**
   * What the evidence says it came from: the source's name, then `: ` and what was asked of it
   * (e.g. `Prometheus service graph: <query>`). Pages show the name and the whole on hover.
   */
  readonly detail: string;
  observe(signal?: AbortSignal): Promise<ObservedPair[]>;
}
