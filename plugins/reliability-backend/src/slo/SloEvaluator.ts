import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SliSource,
  SliSourceUnavailableError,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { sloDefinitionsOf } from './SloCatalog';
import { SloDefinition } from './SloDefinition';
import { errorStatus, planMeasurement, toSloStatuses } from './evaluateSlo';
import { mapWithConcurrency } from './mapWithConcurrency';
import {
  SloSnapshot,
  SloSnapshotStore,
  statusToSnapshot,
} from './SloSnapshotStore';
import { findSliSource, noSliSourceMessage } from './sliSources';

export type SloEvaluatorOptions = {
  catalogIndex: CatalogIndex;
  store: SloSnapshotStore;
  sources: SliSource[];
  logger: LoggerService;
  warningThreshold: number;
  concurrency: number;
  /** How long snapshots are kept beyond each objective's latest, in milliseconds. */
  retentionMs: number;
};

export type EvaluationCycle = {
  slos: number;
  requests: number;
  durationMs: number;
};

/**
 * Evaluates SLOs against their SLI source and stores one snapshot per objective. A query the
 * source rejects puts the SLO in `error`; a source that cannot be reached leaves the last
 * snapshot in place, marked stale with the reason.
 */
export class SloEvaluator {
  constructor(private readonly options: SloEvaluatorOptions) {}

  /**
   * One evaluation cycle over every SLO in the catalog index, then old history is dropped.
   * `signal` (the scheduler's, when the cycle times out) cancels the queries still running.
   */
  async evaluateAll(signal?: AbortSignal): Promise<EvaluationCycle> {
    const started = Date.now();
    const definitions = sloDefinitionsOf(
      await this.options.catalogIndex.current(),
    );
    const requests = await mapWithConcurrency(
      definitions,
      this.options.concurrency,
      definition => this.evaluate(definition, new Date(), signal),
    );
    await this.options.store.deleteSnapshotsBefore(
      new Date(Date.now() - this.options.retentionMs),
    );
    return {
      slos: definitions.length,
      requests: requests.reduce((sum, n) => sum + n, 0),
      durationMs: Date.now() - started,
    };
  }

  /** Evaluates one SLO now and stores the result; returns how many requests it took. */
  async evaluate(
    definition: SloDefinition,
    at = new Date(),
    signal?: AbortSignal,
  ): Promise<number> {
    const { spec, indicator } = definition;
    const objectives = spec?.objectives ?? [
      { objectiveIndex: 0, target: undefined },
    ];
    const fail = (error: string) =>
      this.options.store.addSnapshots(
        objectives.map(objective =>
          statusToSnapshot(
            definition.ref,
            objective.objectiveIndex,
            errorStatus({ target: objective.target, error, evaluatedAt: at }),
            null,
            at.toISOString(),
          ),
        ),
      );

    if (!spec || !indicator) {
      await fail(definition.problem ?? 'The SLO has no indicator');
      return 0;
    }
    const source = findSliSource(this.options.sources, indicator);
    if (!source) {
      await fail(noSliSourceMessage(indicator));
      return 0;
    }

    const { request, window } = planMeasurement(spec, indicator, at);
    try {
      const measurement = await source.measure({ ...request, signal });
      const statuses = toSloStatuses({
        spec,
        measurement,
        window,
        evaluatedAt: at,
        warningThreshold: this.options.warningThreshold,
      });
      await this.options.store.addSnapshots(
        statuses.map((status, index) =>
          statusToSnapshot(
            definition.ref,
            spec.objectives[index].objectiveIndex,
            status,
            {
              start: window.start.toISOString(),
              end: window.end.toISOString(),
            },
            at.toISOString(),
          ),
        ),
      );
      return measurement.requests;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof SliSourceUnavailableError) {
        await this.markStale(definition, objectives, message, at);
      } else {
        this.options.logger.warn(
          `SLO ${definition.ref} could not be evaluated: ${message}`,
        );
        await fail(message);
      }
      return 1;
    }
  }

  private async markStale(
    definition: SloDefinition,
    objectives: Array<{ objectiveIndex: number; target: number | undefined }>,
    reason: string,
    at: Date,
  ) {
    const latest = await this.options.store.getLatestSnapshots([
      definition.ref,
    ]);
    const stale: SloSnapshot[] = objectives.flatMap(objective => {
      const last = latest.find(
        s => s.objectiveIndex === objective.objectiveIndex,
      );
      if (!last) {
        return [
          statusToSnapshot(
            definition.ref,
            objective.objectiveIndex,
            errorStatus({
              target: objective.target,
              error: `Not evaluated yet: ${reason}`,
              evaluatedAt: at,
              stale: true,
            }),
            null,
            at.toISOString(),
          ),
        ];
      }
      if (last.details.stale && last.details.error === reason) {
        return [];
      }
      // The values and their time stay those of the last measurement; only the flag and the
      // reason are new.
      return [
        { ...last, details: { ...last.details, stale: true, error: reason } },
      ];
    });
    await this.options.store.addSnapshots(stale);
  }
}
