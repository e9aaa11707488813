import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ESCALATION_POLICY,
  EscalationResponse,
  LookupResponse,
  nextEscalation,
  OnCallScheduleResponse,
  shiftsBetween,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  OnCallProvider,
  ProvidedEscalation,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import {
  CatalogSnapshot,
  IndexedEntity,
  toIndexedEntity,
} from '../catalog/CatalogSnapshot';
import { ownerRefOf } from '../catalog/specRefs';
import { rankLookup } from './rankLookup';
import { PolicyEvaluationCache } from './PolicyEvaluationCache';
import { findCatalogPolicy, resolveEscalation } from './resolveEscalation';

/** An entity's owner name and who is on call at the first level, for lists of entities. */
export type OwnershipSummary = {
  ownerTitle: string | null;
  /** Where to reach the owner's responders: the policy's `slack` contact, else its first. */
  channel: string | null;
  onCall: Array<{ userRef: string; displayName: string }>;
};

/** What other capabilities read of ownership: owners and first on-call of many entities. */
export interface OwnershipReader {
  summarizeOwnership(refs: string[]): Promise<Map<string, OwnershipSummary>>;
}

/** What the overview and the change-risk report read of an entity's escalation. */
export type EscalationReader = Pick<EscalationService, 'getEscalation'>;

/**
 * Answers the escalation routes: the entity itself is read from the catalog with the caller's
 * credentials (so unreadable entities are not found), the policies, users and groups from the
 * catalog index.
 */
export class EscalationService implements OwnershipReader {
  private readonly policyEvaluations = new PolicyEvaluationCache();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      catalogIndex: CatalogIndex;
      readFilter: CatalogReadFilter;
      providers: OnCallProvider[];
    },
  ) {}

  async getEscalation(
    entityRef: string,
    at: Date,
    credentials: BackstageCredentials,
  ): Promise<EscalationResponse> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return this.resolve(
      toIndexedEntity(entity),
      entity,
      await this.options.catalogIndex.current({
        mustKnowOwner: ownerRefOf(entity),
      }),
      at,
    );
  }

  /**
   * The escalation of `indexed`. A policy the entity names itself comes before any pager; else
   * a pager that handles the entity answers, given the whole `entity` as the catalog has it.
   */
  private async resolve(
    indexed: IndexedEntity,
    entity: Entity | undefined,
    catalog: CatalogSnapshot,
    at: Date,
  ): Promise<EscalationResponse> {
    const named = findCatalogPolicy(indexed, catalog, 'annotation').policy;
    const provider =
      named || !entity
        ? undefined
        : this.options.providers.find(p => p.handles(entity));
    let provided: ProvidedEscalation | undefined;
    const providerWarnings: string[] = [];
    if (provider && entity) {
      try {
        provided = await provider.getEscalation(entity, at);
      } catch (error) {
        providerWarnings.push(
          `${provider.id} is unavailable (${
            error instanceof Error ? error.message : error
          }); showing the catalog's escalation policy instead`,
        );
      }
    }
    return resolveEscalation({
      entity: indexed,
      catalog,
      provided,
      providerWarnings,
      evaluate: this.policyEvaluations.evaluatorFor(catalog, at),
    });
  }

  /**
   * For many entities at once (impact results): the owner's name and who is on call at the
   * first level now, from the catalog's policies (external pagers are not asked in bulk).
   */
  async summarizeOwnership(
    refs: string[],
  ): Promise<Map<string, OwnershipSummary>> {
    const catalog = await this.options.catalogIndex.current();
    const at = new Date();
    const evaluate = this.policyEvaluations.evaluatorFor(catalog, at);
    const result = new Map<string, OwnershipSummary>();
    // Entities with the same owner and policy annotation share their answer: an impact list
    // holds thousands of entities and a few hundred owners.
    const byOwnerAndPolicy = new Map<string, OwnershipSummary>();
    for (const ref of refs) {
      const entity = catalog.entitiesByRef.get(ref);
      if (!entity) continue;
      const key = `${entity.namespace}\n${
        entity.annotations[ANNOTATION_ESCALATION_POLICY] ?? ''
      }\n${entity.ownerRef ?? ''}`;
      let summary = byOwnerAndPolicy.get(key);
      if (!summary) {
        const escalation = resolveEscalation({ entity, catalog, evaluate });
        summary = {
          ownerTitle: escalation.owner?.title ?? null,
          channel:
            escalation.contacts.slack ??
            Object.values(escalation.contacts)[0] ??
            null,
          onCall: escalation.onCall
            .filter(entry => entry.level === 1)
            .map(({ userRef, displayName }) => ({ userRef, displayName })),
        };
        byOwnerAndPolicy.set(key, summary);
      }
      result.set(ref, summary);
    }
    return result;
  }

  async lookup(
    query: string,
    limit: number,
    credentials: BackstageCredentials,
  ): Promise<LookupResponse> {
    const catalog = await this.options.catalogIndex.current();
    const ranked = rankLookup(catalog, query);
    const at = new Date();
    // The best candidates the caller may read: one read decision per caller, reused for a few
    // seconds, and the catalog asked about refs only when the policy's decision is conditional.
    const picked: IndexedEntity[] = [];
    for (
      let start = 0;
      start < ranked.length && picked.length < limit;
      start += limit * 2
    ) {
      const batch = ranked.slice(start, start + limit * 2);
      const readable = await this.options.readFilter.readable(
        batch.map(e => e.ref),
        credentials,
      );
      for (const entity of batch) {
        if (readable.has(entity.ref) && picked.length < limit) {
          picked.push(entity);
        }
      }
    }
    // A pager reads the entity as the catalog has it: fetched only when one is installed.
    const entities =
      this.options.providers.length > 0 && picked.length > 0
        ? (
            await this.options.catalog.getEntitiesByRefs(
              { entityRefs: picked.map(e => e.ref) },
              { credentials },
            )
          ).items
        : [];
    const items: LookupResponse['items'] = [];
    for (const [i, indexed] of picked.entries()) {
      const escalation = await this.resolve(
        indexed,
        entities[i] ?? undefined,
        catalog,
        at,
      );
      items.push({
        entityRef: escalation.entityRef,
        title: indexed.title,
        kind: indexed.kind,
        owner: escalation.owner
          ? { ref: escalation.owner.ref, title: escalation.owner.title }
          : null,
        onCall: escalation.onCall.map(
          ({ level, userRef, displayName, until, timeZone }) => ({
            level,
            userRef,
            displayName,
            until,
            timeZone,
          }),
        ),
        escalateNext: nextEscalation(escalation),
        contacts: escalation.contacts,
        escalationPolicy: escalation.escalationPolicy,
      });
    }
    return { items };
  }

  async getSchedule(
    groupRef: string,
    from: Date,
    to: Date,
    credentials: BackstageCredentials,
  ): Promise<OnCallScheduleResponse> {
    const group = await this.options.catalog.getEntityByRef(groupRef, {
      credentials,
    });
    if (!group) {
      throw new NotFoundError(`No group ${groupRef} in the catalog`);
    }
    const catalog = await this.options.catalogIndex.current();
    const policies = catalog.policiesByOwner.get(groupRef) ?? [];
    return {
      rotations: policies.flatMap(policy =>
        policy.definition.rotations.map(rotation => ({
          policy: policy.ref,
          rotation: rotation.name,
          timeZone: rotation.timeZone,
          shifts: shiftsBetween(
            rotation,
            policy.definition.overrides,
            from,
            to,
          ).map(s => ({
            userRef: s.userRef,
            from: s.from.toISOString(),
            until: s.until.toISOString(),
          })),
        })),
      ),
    };
  }
}
