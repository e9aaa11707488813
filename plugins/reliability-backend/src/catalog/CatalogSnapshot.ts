import {
  Entity,
  EntityRelation,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  ANNOTATION_SERVICE_NAME,
  ESCALATION_POLICY_KIND,
  EscalationPolicyDefinition,
  OPENSLO_API_VERSION,
  parseEscalationPolicySpec,
  RELATION_HAS_SLO,
  RELATION_SLO_OF,
  RELIABILITY_API_VERSION,
  SLI_KIND,
  SLO_KIND,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { ownerRefOf, parentRefOf } from './specRefs';

/**
 * An entity someone owns and may be paged for: anything but people and the definitions below,
 * as every capability reads it. The dependency graph keeps those that run (`RUNNING_KINDS`).
 */
export type IndexedEntity = {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string;
  tags: string[];
  ownerRef: string | undefined;
  /**
   * The annotations the suite reads (`reliability.io/…` and `pagerduty.com/service-id`); an
   * index keeps no others.
   */
  annotations: Record<string, string>;
  lifecycle: string | null;
  relations: EntityRelation[];
  /** Its OpenSLO `SLO`s (`hasSlo` relations): few entities have any. */
  sloRefs: readonly string[];
  /** Lower-cased name and title: what lookup matches first. */
  searchOwn?: string[];
  /** Lower-cased tags, owner (ref, name, display name) and `reliability.io/service-name`. */
  searchOthers?: string[];
};

export type IndexedPerson = {
  ref: string;
  displayName: string;
  email: string | null;
};

export type IndexedGroup = IndexedPerson & {
  parentRef: string | undefined;
  memberRefs: string[];
};

export type IndexedPolicy = {
  ref: string;
  name: string;
  namespace: string;
  ownerRef: string;
  definition: EscalationPolicyDefinition;
};

/**
 * What the index reads of every entity, in one paging of the catalog: names, owners and
 * relations; people's profiles and groups' parents; and the specs of the suite's own kinds
 * (escalation policies, OpenSLO SLOs and SLIs). An API's large `spec.definition` is left out.
 */
export const INDEXED_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.displayName',
  'metadata.description',
  'metadata.tags',
  'metadata.annotations',
  'relations',
  'spec.owner',
  'spec.lifecycle',
  'spec.parent',
  'spec.profile',
  // EscalationPolicy
  'spec.rotations',
  'spec.overrides',
  'spec.levels',
  'spec.contacts',
  // OpenSLO SLO and SLI
  'spec.service',
  'spec.description',
  'spec.indicator',
  'spec.indicatorRef',
  'spec.budgetingMethod',
  'spec.timeWindow',
  'spec.objectives',
  'spec.ratioMetric',
  'spec.thresholdMetric',
];

// The suite's own annotations (escalation policy, service name) share this prefix.
const SUITE_ANNOTATION_PREFIX = 'reliability.io/';

// Definitions, not things anyone is paged for.
const DEFINITION_KINDS = new Set([
  'location',
  'escalationpolicy',
  'slo',
  'sli',
]);

/** How an observed name the catalog does not know is kept: `component:default/<name>`. */
export const UNPLACED_PREFIX = 'component:default/';

function isComponent(entity: IndexedEntity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}

function suiteAnnotations(
  annotations: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(annotations).filter(
      ([key]) =>
        key.startsWith(SUITE_ANNOTATION_PREFIX) ||
        key === ANNOTATION_PAGERDUTY_SERVICE_ID,
    ),
  );
}

export function toIndexedEntity(entity: Entity): IndexedEntity {
  const lifecycle = (entity.spec as { lifecycle?: unknown } | undefined)
    ?.lifecycle;
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    tags: entity.metadata.tags ?? [],
    ownerRef: ownerRefOf(entity),
    annotations: suiteAnnotations(entity.metadata.annotations),
    lifecycle: typeof lifecycle === 'string' ? lifecycle : null,
    // Without each relation's `target` object: the ref is all the suite reads, at half the memory.
    relations: (entity.relations ?? []).map(({ type, targetRef }) => ({
      type,
      targetRef,
    })),
    sloRefs: sloRefsOf(entity),
  };
}

const NO_SLOS: readonly string[] = Object.freeze([]);

function sloRefsOf(entity: Entity): readonly string[] {
  const sloRefs = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_HAS_SLO)
    .map(relation => relation.targetRef);
  return sloRefs.length > 0 ? sloRefs : NO_SLOS;
}

function profileOf(entity: Entity): { displayName?: string; email?: string } {
  const profile = (entity.spec as { profile?: unknown } | undefined)?.profile;
  return typeof profile === 'object' && profile !== null
    ? (profile as any)
    : {};
}

/**
 * The catalog as the suite reads it, held in memory on each replica and replaced whole on each
 * refresh: the entities people own, with owners, names telemetry calls them by, and relations;
 * users and groups with members and parents; valid escalation policies; OpenSLO definitions.
 * Requests and tasks read it instead of paging the catalog themselves.
 */
export class CatalogSnapshot {
  /** Every entity read, of any kind. */
  readonly size: number;
  readonly entities: IndexedEntity[] = [];
  readonly entitiesByRef = new Map<string, IndexedEntity>();
  readonly users = new Map<string, IndexedPerson>();
  readonly groups = new Map<string, IndexedGroup>();
  readonly policies = new Map<string, IndexedPolicy>();
  /** Policies by owning group, sorted by name. */
  readonly policiesByOwner = new Map<string, IndexedPolicy[]>();
  /** OpenSLO `SLO` entities, as the catalog has them. */
  readonly slos: Entity[] = [];
  /** OpenSLO `SLI` entities by ref. */
  readonly slisByRef = new Map<string, Entity>();
  /** OpenSLO `SLO` entities by the entity each is of (`sloOf`). */
  readonly slosByEntity = new Map<string, Entity[]>();
  private readonly serviceNames = new Map<string, string>();
  private readonly pagerDutyServices = new Map<string, string[]>();

  constructor(entities: Entity[]) {
    this.size = entities.length;
    entities.forEach(entity => this.add(entity));
    for (const list of this.policiesByOwner.values()) {
      list.sort((a, b) => a.name.localeCompare(b.name));
    }
    this.entities.sort((a, b) => compareRefs(a.ref, b.ref));
    this.prepareSearch();
    this.prepareServiceNames();
  }

  private add(entity: Entity) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const ref = stringifyEntityRef(entity);
    const profile = profileOf(entity);
    if (kind === 'user') {
      this.users.set(ref, {
        ref,
        displayName:
          profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
        email: profile.email ?? null,
      });
    } else if (kind === 'group') {
      this.groups.set(ref, {
        ref,
        displayName:
          profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
        email: profile.email ?? null,
        parentRef: parentRefOf(entity),
        memberRefs: (entity.relations ?? [])
          .filter(r => r.type === RELATION_HAS_MEMBER)
          .map(r => r.targetRef)
          .sort(),
      });
    } else if (
      entity.apiVersion === RELIABILITY_API_VERSION &&
      entity.kind === ESCALATION_POLICY_KIND
    ) {
      this.addPolicy(entity);
    } else if (entity.apiVersion === OPENSLO_API_VERSION) {
      if (entity.kind === SLO_KIND) this.addSlo(entity);
      if (entity.kind === SLI_KIND) this.slisByRef.set(ref, entity);
    } else if (!DEFINITION_KINDS.has(kind)) {
      const indexed = toIndexedEntity(entity);
      this.entities.push(indexed);
      this.entitiesByRef.set(ref, indexed);
    }
  }

  private addSlo(slo: Entity) {
    this.slos.push(slo);
    for (const relation of slo.relations ?? []) {
      if (relation.type !== RELATION_SLO_OF) continue;
      const list = this.slosByEntity.get(relation.targetRef) ?? [];
      list.push(slo);
      this.slosByEntity.set(relation.targetRef, list);
    }
  }

  private addPolicy(entity: Entity) {
    const namespace = entity.metadata.namespace ?? 'default';
    const parsed = parseEscalationPolicySpec(entity.spec, namespace);
    if (!parsed.value) {
      return;
    }
    const policy: IndexedPolicy = {
      ref: stringifyEntityRef(entity),
      name: entity.metadata.name,
      namespace,
      ownerRef: parsed.value.ownerRef,
      definition: parsed.value,
    };
    this.policies.set(policy.ref, policy);
    const list = this.policiesByOwner.get(policy.ownerRef) ?? [];
    list.push(policy);
    this.policiesByOwner.set(policy.ownerRef, list);
  }

  private prepareSearch() {
    const lower = (text: string) => text.toLocaleLowerCase('en-US');
    for (const entity of this.entities) {
      entity.searchOwn = [entity.name, entity.title].map(lower);
      entity.searchOthers = [
        ...entity.tags,
        ...(entity.ownerRef
          ? [
              entity.ownerRef,
              parseEntityRef(entity.ownerRef).name,
              this.displayNameOf(entity.ownerRef),
            ]
          : []),
        entity.annotations[ANNOTATION_SERVICE_NAME] ?? '',
      ]
        .filter(Boolean)
        .map(lower);
    }
  }

  // A name telemetry uses is an entity's `reliability.io/service-name` annotation, else its
  // entity name: a component first, then the first by ref (the entities are in ref order).
  private prepareServiceNames() {
    const byName = new Map<string, IndexedEntity>();
    for (const entity of this.entities) {
      const pagerDuty = entity.annotations[ANNOTATION_PAGERDUTY_SERVICE_ID];
      if (pagerDuty) {
        this.pagerDutyServices.set(pagerDuty, [
          ...(this.pagerDutyServices.get(pagerDuty) ?? []),
          entity.ref,
        ]);
      }
      const annotated = entity.annotations[ANNOTATION_SERVICE_NAME];
      if (annotated && !this.serviceNames.has(annotated)) {
        this.serviceNames.set(annotated, entity.ref);
      }
      const known = byName.get(entity.name);
      if (!known || (!isComponent(known) && isComponent(entity))) {
        byName.set(entity.name, entity);
      }
    }
    for (const [name, entity] of byName) {
      if (!this.serviceNames.has(name)) this.serviceNames.set(name, entity.ref);
    }
  }

  /** The entities annotated with PagerDuty service `id`, in ref order. */
  entitiesForPagerDutyService(id: string): string[] {
    return this.pagerDutyServices.get(id) ?? [];
  }

  /** The entity telemetry calls `name`, if the catalog has one. */
  entityForServiceName(name: string): string | undefined {
    return this.serviceNames.get(name);
  }

  /**
   * An observed ref as the catalog knows it now: a catalog entity stays as it is, and a name an
   * observer could not place when it ran (`component:default/<name>`) is placed again, e.g. by
   * its `reliability.io/service-name`, once the catalog has the entity.
   */
  placeObservedRef(ref: string): string {
    if (this.entitiesByRef.has(ref) || !ref.startsWith(UNPLACED_PREFIX)) {
      return ref;
    }
    return this.entityForServiceName(ref.slice(UNPLACED_PREFIX.length)) ?? ref;
  }

  /** Whether a user or group is known, by ref. */
  knowsPerson(ref: string): boolean {
    return this.users.has(ref) || this.groups.has(ref);
  }

  /** A user or group's name for people to read. */
  displayNameOf(ref: string): string {
    return (
      this.users.get(ref)?.displayName ??
      this.groups.get(ref)?.displayName ??
      parseEntityRef(ref).name
    );
  }
}

/** Plain string comparison, as the API promises for its order. */
export function compareRefs(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
