import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ownerRefOf } from '../catalog/ownerRefOf';
import { queryAllEntities } from '../catalog/queryAllEntities';
import {
  ANNOTATION_SERVICE_NAME,
  ESCALATION_POLICY_KIND,
  EscalationPolicyDefinition,
  parseEscalationPolicySpec,
  RELIABILITY_API_VERSION,
} from '@reliability-suite/backstage-plugin-reliability-common';

export type IndexedEntity = {
  ref: string;
  /** Lower-cased name and `reliability.io/service-name`, for lookup. */
  searchNames?: string[];
  /** Lower-cased title, tags and owner (ref, name, display name), for lookup. */
  searchOthers?: string[];
  kind: string;
  namespace: string;
  name: string;
  title: string;
  tags: string[];
  ownerRef: string | undefined;
  annotations: Record<string, string>;
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

// Definitions, not things that run: nobody is paged for them.
const NOT_PAGED_FOR = new Set(['location', 'escalationpolicy', 'slo', 'sli']);
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.tags',
  'metadata.annotations',
  'spec.owner',
  'spec.parent',
  'spec.profile',
  'relations',
];

export function toIndexedEntity(entity: Entity): IndexedEntity {
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    tags: entity.metadata.tags ?? [],
    ownerRef: ownerRefOf(entity),
    annotations: entity.metadata.annotations ?? {},
  };
}

function profileOf(entity: Entity): { displayName?: string; email?: string } {
  const profile = (entity.spec as { profile?: unknown } | undefined)?.profile;
  return typeof profile === 'object' && profile !== null
    ? (profile as any)
    : {};
}

/**
 * Who owns what and how to reach them, held in memory: every entity's owner and the names it
 * is looked up by, users and groups with their members and parents, and every valid escalation
 * policy. Built from the catalog in pages; queries never call the catalog per entity.
 */
export class OwnershipIndex {
  readonly entities: IndexedEntity[] = [];
  readonly entitiesByRef = new Map<string, IndexedEntity>();
  readonly users = new Map<string, IndexedPerson>();
  readonly groups = new Map<string, IndexedGroup>();
  readonly policies = new Map<string, IndexedPolicy>();
  /** Policies by owning group, sorted by name. */
  readonly policiesByOwner = new Map<string, IndexedPolicy[]>();

  static async build(
    catalog: CatalogService,
    credentials: BackstageCredentials,
  ): Promise<OwnershipIndex> {
    const index = new OwnershipIndex();
    const [entities, policies] = await Promise.all([
      queryAllEntities(catalog, { fields: FIELDS }, credentials),
      queryAllEntities(
        catalog,
        { filter: { kind: ESCALATION_POLICY_KIND } },
        credentials,
      ),
    ]);
    entities.forEach(entity => index.addEntity(entity));
    policies.forEach(entity => index.addPolicy(entity));
    for (const list of index.policiesByOwner.values()) {
      list.sort((a, b) => a.name.localeCompare(b.name));
    }
    index.prepareSearch();
    return index;
  }

  private addEntity(entity: Entity) {
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
      const parent = (entity.spec as { parent?: unknown } | undefined)?.parent;
      let parentRef: string | undefined;
      if (typeof parent === 'string') {
        try {
          parentRef = stringifyEntityRef(
            parseEntityRef(parent, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          );
        } catch {
          parentRef = undefined;
        }
      }
      this.groups.set(ref, {
        ref,
        displayName:
          profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
        email: profile.email ?? null,
        parentRef,
        memberRefs: (entity.relations ?? [])
          .filter(r => r.type === RELATION_HAS_MEMBER)
          .map(r => r.targetRef)
          .sort(),
      });
    } else if (!NOT_PAGED_FOR.has(kind)) {
      const indexed = toIndexedEntity(entity);
      this.entities.push(indexed);
      this.entitiesByRef.set(indexed.ref, indexed);
    }
  }

  private addPolicy(entity: Entity) {
    if (entity.apiVersion !== RELIABILITY_API_VERSION) {
      return;
    }
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
      entity.searchNames = [
        entity.name,
        entity.annotations[ANNOTATION_SERVICE_NAME] ?? '',
      ]
        .filter(Boolean)
        .map(lower);
      entity.searchOthers = [
        entity.title,
        ...entity.tags,
        ...(entity.ownerRef
          ? [
              entity.ownerRef,
              parseEntityRef(entity.ownerRef).name,
              this.displayNameOf(entity.ownerRef),
            ]
          : []),
      ].map(lower);
    }
  }

  /**
   * The entity telemetry calls `name`: its `reliability.io/service-name` annotation, else its
   * entity name (a component first, then the first by ref).
   */
  entityForServiceName(name: string): string | undefined {
    if (!this.serviceNames) {
      const byAnnotation = new Map<string, string>();
      const byName = new Map<string, IndexedEntity[]>();
      for (const entity of this.entities) {
        const annotated = entity.annotations[ANNOTATION_SERVICE_NAME];
        if (annotated && !byAnnotation.has(annotated))
          byAnnotation.set(annotated, entity.ref);
        byName.set(entity.name, [...(byName.get(entity.name) ?? []), entity]);
      }
      const resolved = new Map(byAnnotation);
      for (const [entityName, candidates] of byName) {
        if (resolved.has(entityName)) continue;
        const sorted = [...candidates].sort(
          (a, b) =>
            Number(b.kind.toLocaleLowerCase('en-US') === 'component') -
              Number(a.kind.toLocaleLowerCase('en-US') === 'component') ||
            (a.ref < b.ref ? -1 : 1),
        );
        resolved.set(entityName, sorted[0].ref);
      }
      this.serviceNames = resolved;
    }
    return this.serviceNames.get(name);
  }

  private serviceNames: Map<string, string> | undefined;

  /** A user or group's name for people to read. */
  displayNameOf(ref: string): string {
    return (
      this.users.get(ref)?.displayName ??
      this.groups.get(ref)?.displayName ??
      parseEntityRef(ref).name
    );
  }
}
