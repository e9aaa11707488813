import { Entity } from '@backstage/catalog-model';
import { escalationPolicy } from './escalationPolicy';
import { seededRandom } from './random';

export const COMPONENTS = 20_000;
export const RESOURCES = 2_000;
const TEAMS = 200;
const MEMBERS_PER_TEAM = 3;
const MEAN_DEPENDENCIES = 5;
const CONFIRMED_BY_TRAFFIC = 25_000;
const HIDDEN = 20_000;
// Callbacks and shared queues: a few observed edges point "up" the stack and close cycles.
const UPWARD_SHARE = 0.02;

export type ObservationInput = {
  source: string;
  target: string;
  evidence: 'traffic' | 'incident' | 'probe';
  detail: string;
  observedAt: string;
};

/**
 * `layered`: services depend on more used nodes, so most roots have few dependents.
 * `giant-component`: a share of each service's dependencies go anywhere (shared config, auth and
 * callbacks, as in real estates), which joins most of the catalog into one component that most
 * roots reach.
 */
export type DatasetShape = 'layered' | 'giant-component';

// In the giant component, the share of a service's dependencies that may be any node.
const ANYWHERE_SHARE = 0.5;

export type DependencyDataset = {
  shape: DatasetShape;
  /** Groups, users, escalation policies, components (with `spec.dependsOn`) and resources. */
  entities: Entity[];
  /** The graph's nodes: components and resources, by index. */
  nodes: string[];
  /** Declared edges as [dependent, dependency] node indexes. */
  declared: Array<[number, number]>;
  /** Observed edges: traffic confirming declared ones, and hidden ones. */
  observed: ObservationInput[];
};

/**
 * A synthetic estate: 20,000 components and 2,000 resources, each with a popularity rank.
 * Components depend on more popular nodes (so the declared graph is layered, as real stacks
 * are), the number of dependencies per component and the choice of dependency both
 * heavy-tailed: a few shared databases and platform services have thousands of dependents.
 */
export function dependencyDataset(
  now: Date,
  shape: DatasetShape = 'layered',
): DependencyDataset {
  const random = seededRandom(7);
  const nodes: string[] = [];
  for (let c = 0; c < COMPONENTS; c++) {
    nodes.push(`component:default/svc-${String(c).padStart(5, '0')}`);
  }
  for (let r = 0; r < RESOURCES; r++) {
    nodes.push(`resource:default/db-${String(r).padStart(4, '0')}`);
  }
  const isResource = (node: number) => node >= COMPONENTS;

  // Resources sort towards the popular end: databases are what many services share.
  const byRank = nodes
    .map((_, node) => ({
      node,
      key: random() * (isResource(node) ? 0.3 : 1),
    }))
    .sort((a, b) => a.key - b.key)
    .map(entry => entry.node);
  const rank = new Array<number>(nodes.length);
  byRank.forEach((node, r) => {
    rank[node] = r;
  });
  // A dependency of the node at rank r: rank r·u³ is far likelier near the top.
  const moreUsedThan = (r: number) => byRank[Math.floor(r * random() ** 3)];

  const declared: Array<[number, number]> = [];
  const dependsOn = new Map<number, Set<number>>();
  for (let c = 0; c < COMPONENTS; c++) {
    const r = rank[c];
    // Pareto(1.875, 1.6) rounded down: mean about 5 (fewer after duplicates), a long tail of services with dozens.
    const wanted = Math.floor(
      (MEAN_DEPENDENCIES * 0.375) / (1 - random()) ** (1 / 1.6),
    );
    const targets = new Set<number>();
    if (shape === 'layered') {
      for (let i = 0; i < Math.min(wanted, r, 200); i++) {
        targets.add(moreUsedThan(r));
      }
    } else {
      for (let i = 0; i < Math.min(wanted, 200); i++) {
        const anywhere = r === 0 || random() < ANYWHERE_SHARE;
        const target = anywhere
          ? Math.floor(random() * nodes.length)
          : moreUsedThan(r);
        if (target !== c) targets.add(target);
      }
    }
    dependsOn.set(c, targets);
    for (const target of targets) declared.push([c, target]);
  }

  const observedAt = (hoursAgo: number) =>
    new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
  const observed: ObservationInput[] = [];
  const seen = new Set<string>();
  while (seen.size < CONFIRMED_BY_TRAFFIC) {
    const [source, target] = declared[Math.floor(random() * declared.length)];
    const key = `${source}>${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    observed.push({
      source: nodes[source],
      target: nodes[target],
      evidence: 'traffic',
      detail: 'traces_service_graph_request_total',
      observedAt: observedAt(random() * 72),
    });
  }
  let hidden = 0;
  while (hidden < HIDDEN) {
    const source = Math.floor(random() * COMPONENTS);
    const r = rank[source];
    if (r === 0) continue;
    const target =
      random() < UPWARD_SHARE
        ? byRank[r + 1 + Math.floor(random() * (nodes.length - r - 1))]
        : moreUsedThan(r);
    const key = `${source}>${target}`;
    if (
      target === undefined ||
      target === source ||
      dependsOn.get(source)!.has(target) ||
      seen.has(key)
    ) {
      continue;
    }
    seen.add(key);
    hidden++;
    observed.push({
      source: nodes[source],
      target: nodes[target],
      ...hiddenEvidence(random(), hidden, nodes[target]),
      observedAt: observedAt(random() * 72),
    });
  }

  return {
    shape,
    entities: [
      ...organization(),
      ...nodes.map((ref, node) =>
        nodeEntity(ref, node, isResource(node), dependsOn.get(node), nodes),
      ),
    ],
    nodes,
    declared,
    observed,
  };
}

/** Mostly traffic; some found by an incident, a few by a deliberate cut. */
function hiddenEvidence(
  draw: number,
  n: number,
  target: string,
): Pick<ObservationInput, 'evidence' | 'detail'> {
  if (draw < 0.9) {
    return {
      evidence: 'traffic',
      detail: 'traces_service_graph_request_total',
    };
  }
  if (draw < 0.97) {
    return { evidence: 'incident', detail: `INC-${n}` };
  }
  return { evidence: 'probe', detail: `cut ${target}` };
}

function organization(): Entity[] {
  const entities: Entity[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const members = Array.from(
      { length: MEMBERS_PER_TEAM },
      (_, m) => `user:default/user-${t * MEMBERS_PER_TEAM + m}`,
    );
    for (const member of members) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: member.split('/')[1], namespace: 'default' },
        spec: {
          profile: { displayName: member.split('/')[1].replace('-', ' ') },
          memberOf: [`group:default/team-${t}`],
        },
      });
    }
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${t}`, namespace: 'default', title: `Team ${t}` },
      spec: { type: 'team', children: [] },
    });
    entities.push(
      escalationPolicy(`team-${t}-oncall`, `group:default/team-${t}`, members),
    );
  }
  return entities;
}

function nodeEntity(
  ref: string,
  node: number,
  isResource: boolean,
  dependsOn: Set<number> | undefined,
  nodes: string[],
): Entity {
  const name = ref.split('/')[1];
  const owner = `group:default/team-${node % TEAMS}`;
  if (isResource) {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name, namespace: 'default' },
      spec: { type: 'database', owner },
    };
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', title: `Service ${node}` },
    spec: {
      type: 'service',
      lifecycle: node % 10 === 0 ? 'experimental' : 'production',
      owner,
      dependsOn: [...(dependsOn ?? [])].map(target => nodes[target]),
    },
  };
}

type ImpactQuery = {
  root: string;
  direction: 'downstream' | 'upstream';
  observed: boolean;
  maxDepth: number;
};

/**
 * The expected impact computed straight from the generated edges: each entity reachable from
 * `root` within `maxDepth` hops, with its shortest depth, the root excluded.
 */
export function expectedImpact(
  dataset: DependencyDataset,
): (query: ImpactQuery) => Map<string, number> {
  const adjacency = new Map<string, Map<string, string[]>>();
  const adjacencyFor = (query: ImpactQuery) => {
    const key = `${query.direction}:${query.observed}`;
    const known = adjacency.get(key);
    if (known) return known;
    const edges: Array<[string, string]> = dataset.declared.map(
      ([source, target]) => [dataset.nodes[source], dataset.nodes[target]],
    );
    if (query.observed) {
      for (const o of dataset.observed) edges.push([o.source, o.target]);
    }
    const next = new Map<string, string[]>();
    for (const [source, target] of edges) {
      const [from, to] =
        query.direction === 'downstream' ? [target, source] : [source, target];
      const list = next.get(from) ?? [];
      list.push(to);
      next.set(from, list);
    }
    adjacency.set(key, next);
    return next;
  };

  return query => {
    const next = adjacencyFor(query);
    const depths = new Map<string, number>([[query.root, 0]]);
    let frontier = [query.root];
    for (
      let depth = 1;
      depth <= query.maxDepth && frontier.length > 0;
      depth++
    ) {
      const following: string[] = [];
      for (const ref of frontier) {
        for (const to of next.get(ref) ?? []) {
          if (!depths.has(to)) {
            depths.set(to, depth);
            following.push(to);
          }
        }
      }
      frontier = following;
    }
    depths.delete(query.root);
    return depths;
  };
}
