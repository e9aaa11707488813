import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_ESCALATION_POLICY,
  ESCALATION_POLICY_KIND,
  EscalationLevel,
  EscalationPolicySource,
  EscalationResponse,
  formatInstant,
  onCallAt,
  OnCallEntry,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { ProvidedEscalation } from '@reliability-suite/backstage-plugin-reliability-node';
import {
  CatalogSnapshot,
  IndexedEntity,
  IndexedPolicy,
} from '../catalog/CatalogSnapshot';

// A malformed or cyclic parent chain must not loop forever.
const MAX_PARENT_DEPTH = 20;

type FoundPolicy = {
  policy: IndexedPolicy | undefined;
  source: EscalationPolicySource;
  warnings: string[];
};

/**
 * Which catalog policy applies to an entity, first match wins: its
 * `reliability.io/escalation-policy` annotation; a policy owned by its owner (the first by name);
 * the nearest ancestor group's policy; none. External providers are asked by the caller between
 * the annotation and the owner.
 */
export function findCatalogPolicy(
  entity: IndexedEntity,
  catalog: CatalogSnapshot,
  step: 'annotation' | 'owner',
): FoundPolicy {
  const warnings: string[] = [];
  if (step === 'annotation') {
    const annotation = entity.annotations[ANNOTATION_ESCALATION_POLICY];
    if (!annotation) {
      return { policy: undefined, source: 'none', warnings };
    }
    let ref: string | undefined;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(annotation, {
          defaultKind: ESCALATION_POLICY_KIND,
          defaultNamespace: entity.namespace,
        }),
      );
    } catch {
      ref = undefined;
    }
    const policy = ref ? catalog.policies.get(ref) : undefined;
    if (!policy) {
      warnings.push(
        `The annotation ${ANNOTATION_ESCALATION_POLICY}: ${annotation} names no valid escalation policy in the catalog (missing, or rejected: see the unprocessed entities)`,
      );
    }
    return { policy, source: policy ? 'annotation' : 'none', warnings };
  }

  if (!entity.ownerRef) {
    warnings.push(`${entity.ref} has no owner: set spec.owner`);
    return { policy: undefined, source: 'none', warnings };
  }
  const owned = catalog.policiesByOwner.get(entity.ownerRef) ?? [];
  if (owned.length > 0) {
    if (owned.length > 1) {
      warnings.push(
        `${entity.ownerRef} owns ${owned.length} escalation policies (${owned
          .map(p => p.name)
          .join(', ')}); using ${owned[0].name}, the first by name`,
      );
    }
    return { policy: owned[0], source: 'owner', warnings };
  }
  const seen = new Set<string>([entity.ownerRef]);
  let group = catalog.groups.get(entity.ownerRef);
  for (let depth = 0; group?.parentRef && depth < MAX_PARENT_DEPTH; depth++) {
    const parentRef: string = group.parentRef;
    if (seen.has(parentRef)) break;
    seen.add(parentRef);
    const [policy] = catalog.policiesByOwner.get(parentRef) ?? [];
    if (policy) {
      warnings.push(
        `${entity.ownerRef} has no escalation policy of its own; using ${policy.ref} of its parent group ${parentRef}`,
      );
      return { policy, source: 'parent-group', warnings };
    }
    group = catalog.groups.get(parentRef);
  }
  return { policy: undefined, source: 'none', warnings };
}

export type PolicyEvaluator = (
  policy: IndexedPolicy,
) => ReturnType<typeof evaluatePolicy>;

/** Levels, on-call and warnings of a catalog policy at `at`. */
export function evaluatePolicy(
  policy: IndexedPolicy,
  catalog: CatalogSnapshot,
  at: Date,
): Pick<EscalationResponse, 'onCall' | 'levels' | 'contacts' | 'warnings'> {
  const { definition } = policy;
  const warnings: string[] = [];
  const person = (ref: string) => {
    const user = catalog.users.get(ref);
    return {
      displayName: user?.displayName ?? parseEntityRef(ref).name,
      email: user?.email ?? null,
    };
  };
  const unknown = new Set<string>();
  const checkUser = (ref: string) => {
    if (!catalog.users.has(ref)) unknown.add(ref);
  };
  const checkGroup = (ref: string) => {
    if (!catalog.groups.has(ref)) unknown.add(ref);
  };
  definition.rotations.forEach(r => r.members.forEach(checkUser));
  definition.overrides.forEach(o => checkUser(o.userRef));

  const onCall: OnCallEntry[] = [];
  const levels: EscalationLevel[] = definition.levels.map(level => ({
    level: level.level,
    delayMinutes: level.delayMinutes,
    targets: level.targets.map(target => {
      if (target.type === 'rotation') {
        const rotation = definition.rotations.find(r => r.name === target.ref)!;
        const shift = onCallAt(rotation, definition.overrides, at);
        if (!shift) {
          warnings.push(
            `Level ${level.level}: nobody is on call in rotation ${
              rotation.name
            } at ${formatInstant(at, rotation.timeZone)}${
              rotation.coverage
                ? `; it covers ${rotation.coverage.text} ${rotation.timeZone}`
                : ''
            }`,
          );
        } else {
          onCall.push({
            level: level.level,
            userRef: shift.userRef,
            ...person(shift.userRef),
            rotation: rotation.name,
            timeZone: rotation.timeZone,
            from: shift.from.toISOString(),
            until: shift.until.toISOString(),
          });
        }
        return {
          type: 'rotation' as const,
          ref: rotation.name,
          displayName: `${rotation.name} rotation (${rotation.timeZone})`,
          users: shift ? [shift.userRef] : [],
        };
      }
      if (target.type === 'user') {
        checkUser(target.ref);
        onCall.push({
          level: level.level,
          userRef: target.ref,
          ...person(target.ref),
          rotation: null,
          timeZone: null,
          from: null,
          until: null,
        });
        return {
          type: 'user' as const,
          ref: target.ref,
          displayName: person(target.ref).displayName,
          users: [target.ref],
        };
      }
      checkGroup(target.ref);
      return {
        type: 'group' as const,
        ref: target.ref,
        displayName: catalog.displayNameOf(target.ref),
        users: catalog.groups.get(target.ref)?.memberRefs ?? [],
      };
    }),
  }));
  for (const ref of [...unknown].sort()) {
    warnings.push(
      `${policy.ref} refers to ${ref}, which is not in the catalog`,
    );
  }
  return { onCall, levels, contacts: definition.contacts, warnings };
}

/** The answer for an entity: owner, then the policy found (or provided) and who is on call. */
export function resolveEscalation(options: {
  entity: IndexedEntity;
  catalog: CatalogSnapshot;
  /** Asked when the annotation names no policy; undefined when no provider handles the entity. */
  provided?: ProvidedEscalation;
  providerWarnings?: string[];
  /** Evaluates a policy at the time asked about (see `PolicyEvaluationCache`). */
  evaluate: PolicyEvaluator;
}): EscalationResponse {
  const { entity, catalog } = options;
  const warnings: string[] = [...(options.providerWarnings ?? [])];
  const ownerRef = entity.ownerRef;
  const ownerGroup = ownerRef ? catalog.groups.get(ownerRef) : undefined;
  const ownerUser = ownerRef ? catalog.users.get(ownerRef) : undefined;
  const owner = ownerRef
    ? {
        ref: ownerRef,
        title: catalog.displayNameOf(ownerRef),
        email: ownerGroup?.email ?? ownerUser?.email ?? null,
      }
    : null;
  if (ownerRef && !ownerGroup && !ownerUser) {
    warnings.push(`The owner ${ownerRef} is not in the catalog`);
  }

  const byAnnotation = findCatalogPolicy(entity, catalog, 'annotation');
  warnings.push(...byAnnotation.warnings);
  if (!byAnnotation.policy && options.provided) {
    const provided = options.provided;
    return {
      entityRef: entity.ref,
      owner,
      escalationPolicy: { ref: provided.policy.ref, source: 'provider' },
      onCall: provided.onCall,
      levels: provided.levels,
      contacts: provided.contacts ?? {},
      warnings: [...warnings, ...(provided.warnings ?? [])],
    };
  }
  const found = byAnnotation.policy
    ? byAnnotation
    : findCatalogPolicy(entity, catalog, 'owner');
  if (byAnnotation.policy === undefined) {
    warnings.push(...found.warnings);
  }
  if (!found.policy) {
    const members =
      ownerGroup?.memberRefs ?? (ownerUser ? [ownerUser.ref] : []);
    warnings.push(
      `No escalation policy covers ${
        entity.ref
      }: add an EscalationPolicy owned by ${
        ownerRef ?? 'its owner'
      }; until then, these are the owners' members`,
    );
    return {
      entityRef: entity.ref,
      owner,
      escalationPolicy: { ref: null, source: 'none' },
      onCall: [],
      levels: ownerRef
        ? [
            {
              level: 1,
              delayMinutes: 0,
              targets: [
                {
                  type: ownerUser ? 'user' : 'group',
                  ref: ownerRef,
                  displayName: catalog.displayNameOf(ownerRef),
                  users: members,
                },
              ],
            },
          ]
        : [],
      contacts: {},
      warnings,
    };
  }
  const evaluated = options.evaluate(found.policy);
  return {
    entityRef: entity.ref,
    owner,
    escalationPolicy: { ref: found.policy.ref, source: found.source },
    onCall: evaluated.onCall,
    levels: evaluated.levels,
    contacts: evaluated.contacts,
    warnings: [...warnings, ...evaluated.warnings],
  };
}
