import { Entity, EntityRelation } from '@backstage/catalog-model';

/** Catalog entities for backend tests, in the default namespace, as the catalog returns them. */

export function componentEntity(
  name: string,
  options: {
    owner?: string;
    title?: string;
    lifecycle?: string;
    relations?: EntityRelation[];
    annotations?: Record<string, string>;
    tags?: string[];
    links?: Array<{ url: string; title?: string; type?: string }>;
  } = {},
): Entity {
  const { owner = 'group:default/team', title, lifecycle } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(title ? { title } : {}),
      ...(options.annotations ? { annotations: options.annotations } : {}),
      ...(options.tags ? { tags: options.tags } : {}),
      ...(options.links ? { links: options.links } : {}),
    },
    spec: { type: 'service', owner, ...(lifecycle ? { lifecycle } : {}) },
    ...(options.relations ? { relations: options.relations } : {}),
  };
}

export function resourceEntity(name: string, owner = 'group:default/team') {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default' },
    spec: { type: 'database', owner },
  };
}

export function groupEntity(
  name: string,
  options: { title?: string; profile?: object; spec?: object } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      ...(options.title ? { title: options.title } : {}),
    },
    spec: {
      type: 'team',
      ...(options.profile ? { profile: options.profile } : {}),
      ...options.spec,
    },
  };
}

export function userEntity(name: string, displayName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { profile: { displayName } },
  };
}

/** A policy with one rotation of `rotation`'s members, paged at once, at level 1. */
export function escalationPolicyEntity(
  name: string,
  owner: string,
  rotation: {
    name: string;
    timeZone: string;
    length: string;
    handoff: string;
    startDate: string;
    members: string[];
  },
): Entity {
  return {
    apiVersion: 'reliability.io/v1alpha1',
    kind: 'EscalationPolicy',
    metadata: { name, namespace: 'default' },
    spec: {
      owner,
      rotations: [rotation],
      levels: [{ delayMinutes: 0, targets: [`rotation:${rotation.name}`] }],
    },
  };
}
