import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  compareSloStates,
  resolveTimeWindow,
  SloHistoryResponse,
  SloItem,
  ReleaseGateResponse,
  SloState,
  worstSloState,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { SliSource } from '@reliability-suite/backstage-plugin-reliability-node';
import { errorStatus, pendingStatus } from './evaluateSlo';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { SloCatalog } from './SloCatalog';
import { SloDefinition } from './SloDefinition';
import { computeHistory, planHistory } from './sloHistory';
import { snapshotToStatus, SloSnapshotStore } from './SloSnapshotStore';
import { findSliSource, noSliSourceMessage } from './sliSources';

/** An entity's worst SLO objective now, as other capabilities show it beside the entity. */
export type SloVerdict = {
  state: SloState;
  errorBudgetRemaining: number | null;
};

/** What other capabilities read of the SLO evaluations. */
export interface SloSnapshotReader {
  /** The worst objective of each entity that has SLOs evaluated; others are left out. */
  worstByEntity(entityRefs: string[]): Promise<Map<string, SloVerdict>>;
}

/** What the overview and the change-risk report read of an entity's SLOs. */
export type SloReader = SloSnapshotReader &
  Pick<SloService, 'listEntitySlos' | 'getReleaseGate'> & {
    /** Whether any SLI source is configured: without one, no SLO is ever evaluated. */
    readonly hasSliSource: boolean;
  };

/** Answers the SLO routes from the catalog's definitions and the stored snapshots. */
export class SloService implements SloSnapshotReader {
  constructor(
    private readonly options: {
      catalog: SloCatalog;
      catalogIndex: CatalogIndex;
      store: SloSnapshotStore;
      sources: SliSource[];
    },
  ) {}

  get hasSliSource(): boolean {
    return this.options.sources.length > 0;
  }

  async worstByEntity(entityRefs: string[]): Promise<Map<string, SloVerdict>> {
    const snapshot = await this.options.catalogIndex.current();
    const sloRefsByEntity = new Map<string, readonly string[]>();
    for (const ref of entityRefs) {
      const sloRefs = snapshot.entitiesByRef.get(ref)?.sloRefs ?? [];
      if (sloRefs.length > 0) sloRefsByEntity.set(ref, sloRefs);
    }
    const worstBySlo = new Map<string, SloVerdict>();
    for (const latest of await this.options.store.getLatestSnapshots([
      ...new Set([...sloRefsByEntity.values()].flat()),
    ])) {
      const known = worstBySlo.get(latest.sloRef);
      if (!known || compareSloStates(latest.state, known.state) < 0) {
        worstBySlo.set(latest.sloRef, {
          state: latest.state,
          errorBudgetRemaining: latest.details.errorBudget.remaining,
        });
      }
    }
    const result = new Map<string, SloVerdict>();
    for (const [entityRef, sloRefs] of sloRefsByEntity) {
      const verdicts = sloRefs.flatMap(ref => worstBySlo.get(ref) ?? []);
      verdicts.sort((a, b) => compareSloStates(a.state, b.state));
      if (verdicts.length > 0) result.set(entityRef, verdicts[0]);
    }
    return result;
  }

  /** One item per objective of each SLO of the entity, in the order of the catalog. */
  async listEntitySlos(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloItem[]> {
    const definitions = await this.options.catalog.listForEntity(
      entityRef,
      credentials,
    );
    definitions.sort((a, b) => a.ref.localeCompare(b.ref));
    const snapshots = await this.options.store.getLatestSnapshots(
      definitions.map(definition => definition.ref),
    );
    return definitions.flatMap(definition => {
      const objectives = definition.spec?.objectives ?? [];
      return objectives.map(objective => {
        const snapshot = snapshots.find(
          s =>
            s.sloRef === definition.ref &&
            s.objectiveIndex === objective.objectiveIndex,
        );
        const spec = definition.spec!;
        const window =
          snapshot?.details.window ?? windowAt(definition, new Date());
        return {
          ref: definition.ref,
          name: definition.name,
          title: definition.title,
          description: definition.description,
          objective: objective.objectiveIndex,
          objectiveName: objective.displayName ?? objective.name ?? null,
          target: objective.target,
          timeWindow: {
            duration: spec.timeWindow.durationText,
            isRolling: spec.timeWindow.isRolling,
            start: window?.start ?? null,
            end: window?.end ?? null,
          },
          budgetingMethod: spec.budgetingMethod,
          status: snapshot
            ? snapshotToStatus(snapshot)
            : unevaluatedStatus(definition.problem, objective.target),
        };
      });
    });
  }

  /** The error-budget release gate: the worst state of the entity's SLOs, with reasons. */
  async getReleaseGate(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ReleaseGateResponse> {
    const items = await this.listEntitySlos(entityRef, credentials);
    const state = worstSloState(items.map(item => item.status.state));
    const reasons = [...items]
      .sort((a, b) => compareSloStates(a.status.state, b.status.state))
      .flatMap(item => {
        const reason = describeState(item);
        return reason ? [reason] : [];
      });
    if (items.length === 0) {
      reasons.push(`${entityRef} has no SLOs`);
    }
    return {
      entityRef,
      state,
      slos: items.map(item => ({
        ref: item.ref,
        objective: item.objective,
        state: item.status.state,
        errorBudgetRemaining: item.status.errorBudget.remaining,
      })),
      reasons,
    };
  }

  async getHistory(options: {
    sloRef: string;
    from?: Date;
    to?: Date;
    objective: number;
    credentials: BackstageCredentials;
  }): Promise<SloHistoryResponse> {
    const definition = await this.requireDefinition(
      options.sloRef,
      options.credentials,
    );
    const spec = definition.spec!;
    const objective = spec.objectives.find(
      o => o.objectiveIndex === options.objective,
    );
    if (!objective) {
      throw new InputError(
        `${options.sloRef} has no objective ${options.objective}; it has ${spec.objectives.length}`,
      );
    }
    const to = options.to ?? new Date();
    const from = options.from ?? resolveTimeWindow(spec.timeWindow, to).start;
    if (from.getTime() > to.getTime()) {
      throw new InputError('from must not be after to');
    }
    const source = this.requireSource(definition);
    const plan = planHistory(spec, objective, from, to);
    try {
      const range = await source.measureRange({
        indicator: definition.indicator!,
        start: plan.rangeStart,
        end: to,
        stepSeconds: plan.resolutionSeconds,
      });
      return computeHistory({ spec, objective, range, from, to, ...plan });
    } catch (error) {
      throw new ServiceUnavailableError(
        `The history of ${options.sloRef} could not be read: ${
          error instanceof Error ? error.message : error
        }`,
      );
    }
  }

  /** Alerting rules for the SLO in its source's format (Prometheus rule YAML). */
  async getRules(
    sloRef: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const definition = await this.requireDefinition(sloRef, credentials);
    const spec = definition.spec!;
    const source = this.requireSource(definition);
    if (!source.renderRules) {
      throw new ServiceUnavailableError(
        `The ${source.type} SLI source does not render alerting rules`,
      );
    }
    return source.renderRules({
      indicator: definition.indicator!,
      windowHours: resolveTimeWindow(spec.timeWindow, new Date()).lengthHours,
      objectives: spec.objectives.map(objective => ({
        name: `${definition.namespace}-${definition.name}-${objective.objectiveIndex}`,
        target: objective.target,
        labels: {
          slo: definition.ref,
          ...(definition.entityRef ? { entity: definition.entityRef } : {}),
          objective: String(objective.objectiveIndex),
        },
      })),
    });
  }

  private async requireDefinition(
    sloRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloDefinition> {
    const definition = await this.options.catalog.getSlo(sloRef, credentials);
    if (!definition) {
      throw new NotFoundError(`No SLO ${sloRef} in the catalog`);
    }
    if (!definition.spec || !definition.indicator) {
      throw new InputError(definition.problem ?? `${sloRef} has no indicator`);
    }
    return definition;
  }

  private requireSource(definition: SloDefinition): SliSource {
    const source = findSliSource(this.options.sources, definition.indicator!);
    if (!source) {
      throw new ServiceUnavailableError(
        noSliSourceMessage(definition.indicator!),
      );
    }
    return source;
  }
}

/** An objective without a snapshot: pending its first evaluation, or an error if it cannot have one. */
function unevaluatedStatus(problem: string | undefined, target: number) {
  return problem
    ? errorStatus({ target, error: problem, evaluatedAt: null })
    : pendingStatus(target);
}

function windowAt(definition: SloDefinition, at: Date) {
  if (!definition.spec) {
    return null;
  }
  const window = resolveTimeWindow(definition.spec.timeWindow, at);
  return { start: window.start.toISOString(), end: window.end.toISOString() };
}

function describeState(item: SloItem): string | undefined {
  const { status } = item;
  const label = `${item.title} (target ${formatPercent(item.target)} over ${
    item.timeWindow.duration
  })`;
  const stale = status.stale ? ` [stale: ${status.error}]` : '';
  switch (status.state) {
    case 'freeze':
      return `${label}: error budget exhausted, ${formatPercent(
        status.errorBudget.remaining,
      )} left${stale}`;
    case 'warning': {
      const firing = status.alerts.filter(alert => alert.firing);
      return firing.length > 0
        ? `${label}: burning the budget fast (${firing
            .map(
              a =>
                `${a.severity} alert ${a.longWindow}/${
                  a.shortWindow
                } above ${Number(a.factor.toPrecision(3))}×`,
            )
            .join(', ')}), ${formatPercent(
            status.errorBudget.remaining,
          )} left${stale}`
        : `${label}: only ${formatPercent(
            status.errorBudget.remaining,
          )} of the error budget left${stale}`;
    }
    case 'error':
      return `${label}: cannot be evaluated: ${status.error}`;
    case 'no-data':
      return `${label}: no events in the window${stale}`;
    case 'pending':
      return `${label}: not evaluated yet, so no verdict`;
    default:
      return undefined;
  }
}

function formatPercent(value: number | null): string {
  return value === null ? 'unknown' : `${Number((value * 100).toFixed(2))}%`;
}
