import { EdgeProvenance } from '@reliability-suite/backstage-plugin-reliability-common';
import { compareRefs } from '../catalog/CatalogSnapshot';

const DECLARED = 1;
// Node ids stay below 2^21 (two million entities); source × 2^21 + target is then exact.
const EDGE_KEY_BASE = 2 ** 21;
const OBSERVED = 2;
const UNSEEN = -1;
const NO_PARENT = -2;
// The root's place in a walk's predecessors by position.
const ROOT = -1;

export type ImpactStep = {
  ref: string;
  depth: number;
  /** From the root to this entity, both included. */
  path: string[];
  /** How the last edge of the path is known. */
  via: EdgeProvenance;
};

export type ImpactQuery = {
  root: string;
  /** `downstream`: what depends on the root, transitively; `upstream`: what the root depends on. */
  direction: 'downstream' | 'upstream';
  maxDepth: number;
  include: { declared: boolean; observed: boolean };
  maxResults: number;
};

/**
 * The entities an impact query reaches, in answer order (depth, then ref; the root is not among
 * them), with their paths on demand. It holds typed arrays the size of its reach, which the
 * garbage collector does not trace, since reaches are kept for later pages.
 */
export type ImpactWalk<T> = {
  size: number;
  refAt(index: number): string;
  depthAt(index: number): number;
  /** What the index holds for it, unless it is a name seen in traffic that no entity has. */
  entityAt(index: number): T | undefined;
  /** Whether the walk stopped at `maxResults`. */
  truncated: boolean;
  /**
   * With observed edges included, the reached entities that a walk over declared edges alone,
   * as deep, does not reach: known only through observed edges.
   */
  hidden: string[];
  /** The `index`-th entry with a shortest path from the root. */
  stepAt(index: number): ImpactStep;
};

type Scratch = {
  parent: Int32Array;
  parentFlag: Uint8Array;
  positionOf: Int32Array;
  queue: Int32Array;
  sortKeys: Int32Array;
  declared: { seen: Uint8Array; queue: Int32Array };
};

const nothingReached = (): never => {
  throw new RangeError('The walk reached nothing');
};

/**
 * A directed dependency graph over entity refs (an edge A → B: A depends on B), held compactly:
 * integer ids, adjacency arrays in both directions, and a flag per edge saying whether it is
 * declared, observed or both, with what the caller keeps of each entity (`T`). Queries are
 * walks in memory.
 */
export class DependencyIndex<T> {
  private readonly ids = new Map<string, number>();
  private readonly refs: string[] = [];
  /** By node id; undefined for names seen in traffic that no entity has. */
  private readonly entities: Array<T | undefined> = [];
  private readonly out: number[][] = [];
  private readonly outFlags: number[][] = [];
  private readonly in: number[][] = [];
  private readonly inFlags: number[][] = [];
  // Where an edge sits in `out[source]` and `in[target]`, keyed by source × 2^21 + target, so
  // adding an edge is constant time even for hubs with thousands of dependents.
  private readonly outAt = new Map<number, number>();
  private readonly inAt = new Map<number, number>();
  private order: { rank: Int32Array; byRank: Int32Array } | undefined;
  private scratch: Scratch | undefined;
  private changes = 0;

  /** Changes whenever a node or an edge is added or an edge becomes known another way. */
  get version(): number {
    return this.changes;
  }

  /** Adds a catalog entity (a node even without edges). */
  addEntity(ref: string, entity: T): void {
    this.entities[this.id(ref)] = entity;
    this.changes++;
  }

  /** Adds what one source says of an edge: the catalog declares it, or it was observed. */
  addEdge(
    source: string,
    target: string,
    knownBy: 'declared' | 'observed',
  ): void {
    if (source === target) {
      return;
    }
    const flag = knownBy === 'declared' ? DECLARED : OBSERVED;
    const s = this.id(source);
    const t = this.id(target);
    const key = s * EDGE_KEY_BASE + t;
    const at = this.outAt.get(key);
    if (at !== undefined) {
      if ((this.outFlags[s][at] & flag) === 0) {
        this.outFlags[s][at] |= flag;
        this.inFlags[t][this.inAt.get(key)!] |= flag;
        this.changes++;
      }
      return;
    }
    this.changes++;
    this.outAt.set(key, this.out[s].length);
    this.out[s].push(t);
    this.outFlags[s].push(flag);
    this.inAt.set(key, this.in[t].length);
    this.in[t].push(s);
    this.inFlags[t].push(flag);
  }

  isKnown(ref: string): boolean {
    const id = this.ids.get(ref);
    return id !== undefined && this.entities[id] !== undefined;
  }

  /** The edges touching `ref`, each way, with how each is known. */
  edgesOf(
    ref: string,
  ): Array<{ source: string; target: string; via: EdgeProvenance }> {
    const id = this.ids.get(ref);
    if (id === undefined) {
      return [];
    }
    const edges: Array<{
      source: string;
      target: string;
      via: EdgeProvenance;
    }> = [];
    this.out[id].forEach((t, i) =>
      edges.push({
        source: ref,
        target: this.refs[t],
        via: toProvenance(this.outFlags[id][i]),
      }),
    );
    this.in[id].forEach((s, i) =>
      edges.push({
        source: this.refs[s],
        target: ref,
        via: toProvenance(this.inFlags[id][i]),
      }),
    );
    return edges;
  }

  /**
   * Everything reachable from the root in one direction, breadth first: each entity once, at its
   * shortest depth, with a shortest path (ties go to the predecessor with the smaller ref), in
   * order of depth then ref. Cycles and self-loops are harmless. Paths are built only for the
   * steps asked for, so a page of a hub's answer costs the walk and that page.
   */
  walk(query: ImpactQuery): ImpactWalk<T> {
    const rootId = this.ids.get(query.root);
    if (rootId === undefined) {
      return {
        size: 0,
        refAt: nothingReached,
        depthAt: nothingReached,
        entityAt: nothingReached,
        truncated: false,
        hidden: [],
        stepAt: nothingReached,
      };
    }
    const mask =
      (query.include.declared ? DECLARED : 0) |
      (query.include.observed ? OBSERVED : 0);
    const [next, nextFlags] =
      query.direction === 'downstream'
        ? [this.in, this.inFlags]
        : [this.out, this.outFlags];
    const { rank, byRank } = this.refOrder();
    const scratch = this.scratchArrays();
    // The predecessor on a shortest path (UNSEEN until reached) and how that edge is known.
    const { parent, parentFlag, positionOf, sortKeys } = scratch;
    parent.fill(UNSEEN, 0, this.refs.length);
    parent[rootId] = NO_PARENT;
    // The root, then what it reaches level by level, each level a segment in ref order.
    const queue = scratch.queue;
    queue[0] = rootId;
    let levelStart = 0;
    let levelEnd = 1;
    let truncated = false;
    const depthEnds: number[] = [];
    for (
      let depth = 1;
      depth <= query.maxDepth && levelEnd > levelStart && !truncated;
      depth++
    ) {
      let found = levelEnd;
      // Predecessors in ref order, so that ties in shortest paths resolve the same way each time.
      for (let at = levelStart; at < levelEnd; at++) {
        const node = queue[at];
        const neighbours = next[node];
        const flags = nextFlags[node];
        for (let i = 0; i < neighbours.length; i++) {
          const neighbour = neighbours[i];
          // Followed when included; described as it is known, whatever was included.
          if ((flags[i] & mask) !== 0 && parent[neighbour] === UNSEEN) {
            parent[neighbour] = node;
            parentFlag[neighbour] = flags[i];
            queue[found++] = neighbour;
          }
        }
      }
      // In ref order: ranks are distinct integers, which a typed array sorts natively.
      const count = found - levelEnd;
      for (let i = 0; i < count; i++) sortKeys[i] = rank[queue[levelEnd + i]];
      const keys = sortKeys.subarray(0, count).sort();
      for (let i = 0; i < count; i++) queue[levelEnd + i] = byRank[keys[i]];
      const room = query.maxResults - (levelEnd - 1);
      if (count > room) {
        found = levelEnd + room;
        truncated = true;
      }
      levelStart = levelEnd;
      levelEnd = found;
      depthEnds.push(levelEnd - 1);
    }
    // Each reached entity's predecessor by its position among them (ROOT for the root), so
    // that a walk kept for later pages holds arrays the size of its reach, not of the graph.
    // A predecessor is one level nearer the root, so it has its position already.
    const size = levelEnd - 1;
    const ids = queue.slice(1, levelEnd);
    const depthOf = new Int32Array(size);
    const parentAt = new Int32Array(size);
    const viaAt = new Uint8Array(size);
    let depth = 1;
    for (let at = 0; at < size; at++) {
      while (at >= depthEnds[depth - 1]) depth++;
      const node = ids[at];
      depthOf[at] = depth;
      parentAt[at] = parent[node] === rootId ? ROOT : positionOf[parent[node]];
      viaAt[at] = parentFlag[node];
      positionOf[node] = at;
    }
    const hidden: string[] = [];
    if (query.include.observed) {
      const declared = this.reachedThroughDeclared(
        rootId,
        next,
        nextFlags,
        query,
      );
      for (let at = 0; at < size; at++) {
        const node = ids[at];
        if (!declared[node] && this.entities[node] !== undefined) {
          hidden.push(this.refs[node]);
        }
      }
    }
    const { refs, entities } = this;
    return {
      size,
      refAt: index => refs[ids[index]],
      depthAt: index => depthOf[index],
      entityAt: index => entities[ids[index]],
      truncated,
      hidden,
      stepAt: index => {
        const path: string[] = [];
        for (let at = index; at !== ROOT; at = parentAt[at]) {
          path.push(refs[ids[at]]);
        }
        path.push(query.root);
        return {
          ref: refs[ids[index]],
          depth: depthOf[index],
          path: path.reverse(),
          via: toProvenance(viaAt[index]),
        };
      },
    };
  }

  /**
   * Which nodes a walk over declared edges alone reaches from the root within `maxDepth`: a
   * scratch array, good until the next walk.
   */
  private reachedThroughDeclared(
    rootId: number,
    next: number[][],
    nextFlags: number[][],
    query: ImpactQuery,
  ): Uint8Array {
    const { seen, queue } = this.scratchArrays().declared;
    seen.fill(0, 0, this.refs.length);
    seen[rootId] = 1;
    queue[0] = rootId;
    let levelStart = 0;
    let levelEnd = 1;
    for (
      let depth = 1;
      depth <= query.maxDepth && levelEnd > levelStart;
      depth++
    ) {
      let found = levelEnd;
      for (let at = levelStart; at < levelEnd; at++) {
        const neighbours = next[queue[at]];
        const flags = nextFlags[queue[at]];
        for (let i = 0; i < neighbours.length; i++) {
          if ((flags[i] & DECLARED) !== 0 && seen[neighbours[i]] === 0) {
            seen[neighbours[i]] = 1;
            queue[found++] = neighbours[i];
          }
        }
      }
      levelStart = levelEnd;
      levelEnd = found;
    }
    return seen;
  }

  /**
   * Working arrays for walks, one per node, reused from walk to walk (walks run one at a time):
   * a hub's walk would otherwise allocate and drop them on every request.
   */
  private scratchArrays(): Scratch {
    const nodes = this.refs.length;
    if (!this.scratch || this.scratch.parent.length < nodes) {
      // Room for the nodes that observations add before the next rebuild.
      const room = nodes + (nodes >> 3) + 16;
      this.scratch = {
        parent: new Int32Array(room),
        parentFlag: new Uint8Array(room),
        positionOf: new Int32Array(room),
        queue: new Int32Array(room),
        sortKeys: new Int32Array(room),
        declared: { seen: new Uint8Array(room), queue: new Int32Array(room) },
      };
    }
    return this.scratch;
  }

  /**
   * Each node's position in plain string order of refs (`rank`), and the node at each position
   * (`byRank`), kept until a node is added.
   */
  private refOrder(): { rank: Int32Array; byRank: Int32Array } {
    if (!this.order) {
      const ids = this.refs.map((_, id) => id);
      ids.sort((a, b) => compareRefs(this.refs[a], this.refs[b]));
      const rank = new Int32Array(ids.length);
      ids.forEach((id, position) => {
        rank[id] = position;
      });
      this.order = { rank, byRank: Int32Array.from(ids) };
    }
    return this.order;
  }

  private id(ref: string): number {
    let id = this.ids.get(ref);
    if (id === undefined) {
      id = this.refs.length;
      if (id >= EDGE_KEY_BASE) {
        throw new Error(
          `The dependency graph holds at most ${EDGE_KEY_BASE} entities`,
        );
      }
      this.ids.set(ref, id);
      this.refs.push(ref);
      this.order = undefined;
      this.entities.push(undefined);
      this.out.push([]);
      this.outFlags.push([]);
      this.in.push([]);
      this.inFlags.push([]);
    }
    return id;
  }
}

function toProvenance(flag: number): EdgeProvenance {
  if (flag === (DECLARED | OBSERVED)) return 'both';
  return flag === DECLARED ? 'declared' : 'hidden';
}
