import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ChangeRiskReport } from '@reliability-suite/backstage-plugin-reliability-common';
import { ownerRefOf } from '../catalog/specRefs';
import { DependencyReader } from '../dependencies';
import { OwnershipReader } from '../escalation';
import { IncidentReader } from '../incidents';
import { RunbookReader } from '../runbooks';
import { SloReader } from '../slo';
import { assessChangeRisk } from './assessChangeRisk';
import { ChangeRiskSettings } from './changeRiskConfig';

/** Each list of the report holds at most this many; `counts` says how many there were. */
const LIST_LIMIT = 100;

/**
 * "If I change X, what breaks, whom must I tell first, and whose budget is already spent?":
 * the entity's release gate, its downstream impact, open incidents and runbook freshness,
 * weighed into one verdict for people and CI.
 */
export class ChangeRiskService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      slos: SloReader;
      dependencies: DependencyReader;
      ownership: OwnershipReader;
      incidents: IncidentReader;
      runbooks: RunbookReader;
      settings: ChangeRiskSettings;
    },
  ) {}

  async getReport(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ChangeRiskReport> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const root = stringifyEntityRef(entity);
    const title = entity.metadata.title ?? entity.metadata.name;
    const { dependencies } = this.options;
    const [gate, reach, runbooks, openIncidents] = await Promise.all([
      this.options.slos.getReleaseGate(root, credentials),
      dependencies.reachImpact(
        {
          root,
          direction: 'downstream',
          maxDepth: dependencies.settings.maxDepth,
          include: { declared: true, observed: true },
        },
        credentials,
      ),
      this.options.runbooks.runbooksOf(entity),
      this.options.incidents.openIncidents(credentials),
    ]);

    const dependents = Array.from({ length: reach.size }, (_, at) =>
      reach.entityAt(at),
    );
    const titleOf = new Map(dependents.map(d => [d.ref, d.title]));
    const inState = (state: string) =>
      dependents
        .filter(d => reach.slo.get(d.ref)?.state === state)
        .map(d => d.ref);
    const frozenDependents = inState('freeze');
    const frozen = [
      ...(gate.state === 'freeze' ? [root] : []),
      ...frozenDependents,
    ];
    const warningDependents = inState('warning');
    const hiddenDependents = dependents
      .filter(d => reach.hidden.has(d.ref))
      .map(d => d.ref);
    const reached = new Set([root, ...dependents.map(d => d.ref)]);
    const incidents = openIncidents.flatMap(incident => {
      const on = incident.entities.find(e => reached.has(e.entityRef));
      return on
        ? [
            {
              id: incident.id,
              severity: incident.severity,
              on: titleOf.get(on.entityRef) ?? title,
            },
          ]
        : [];
    });

    const ownRef = ownerRefOf(entity);
    const owners = new Map<string, string>();
    if (ownRef) owners.set(ownRef, root);
    for (const dependent of dependents) {
      if (dependent.ownerRef && !owners.has(dependent.ownerRef)) {
        owners.set(dependent.ownerRef, dependent.ref);
      }
    }
    const summaries = await this.options.ownership.summarizeOwnership([
      ...owners.values(),
    ]);
    const notify = [...owners].map(([owner, representative]) => {
      const summary = summaries.get(representative);
      return {
        owner,
        ownerTitle: summary?.ownerTitle ?? owner,
        onCall: summary?.onCall ?? [],
        channel: summary?.channel ?? null,
      };
    });
    const otherOwners = notify
      .filter(n => n.owner !== ownRef)
      .map(n => n.ownerTitle);
    const staleRunbooks = runbooks.filter(r => !r.fresh).map(r => r.url);

    const { risk, reasons } = assessChangeRisk({
      title,
      releaseGate: gate.state,
      frozenDependents: frozenDependents.map(ref => titleOf.get(ref) ?? ref),
      warningDependents: warningDependents.map(ref => titleOf.get(ref) ?? ref),
      hiddenDependents: hiddenDependents.map(ref => titleOf.get(ref) ?? ref),
      openIncidents: incidents,
      otherOwners,
      ownersThreshold: this.options.settings.ownersThreshold,
      runbooks: runbooks.length,
      freshRunbooks: runbooks.length - staleRunbooks.length,
    });
    return {
      entityRef: root,
      risk,
      reasons,
      releaseGate: gate.state,
      impacted: {
        ...reach.summary,
        owners: reach.summary.owners.slice(0, LIST_LIMIT),
        truncated: reach.truncated,
      },
      hiddenDependents: hiddenDependents.slice(0, LIST_LIMIT),
      notify: notify.slice(0, LIST_LIMIT),
      frozen: frozen.slice(0, LIST_LIMIT),
      openIncidents: incidents.map(i => i.id).slice(0, LIST_LIMIT),
      staleRunbooks: staleRunbooks.slice(0, LIST_LIMIT),
      counts: {
        hiddenDependents: hiddenDependents.length,
        frozen: frozen.length,
        openIncidents: incidents.length,
        staleRunbooks: staleRunbooks.length,
        notify: notify.length,
      },
    };
  }
}
