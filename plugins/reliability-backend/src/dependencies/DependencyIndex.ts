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

export type DependencyNode = {
  ref: string;
  /** False for names observed in traffic that match no catalog entity. */
  known: boolean;
};

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

/** The entities an impact query reaches, in answer order, with their paths on demand. */
export type ImpactWalk = {
  /** Reached entities by depth, then ref; the root is not among them. */
  refs: string[];
  /** The depth of each entry of `refs`. */
  depths: number[];
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

const noStep = (): ImpactStep => {
  throw new RangeError('The walk reached nothing');
};

/**
 * A directed dependency graph over entity refs (an edge A → B: A depends on B), held compactly:
 * integer ids, adjacency arrays in both directions, and a flag per edge saying whether it is
 * declared, observed or both. Queries are walks in memory.
 */
export class DependencyIndex {
  private readonly ids = new Map<string, number>();
  private readonly refs: string[] = [];
  private readonly known: boolean[] = [];
  private readonly out: number[][] = [];
  private readonly outFlags: number[][] = [];
  private readonly in: number[][] = [];
  private readonly inFlags: number[][] = [];
  // Where an edge sits in `out[source]` and `in[target]`, keyed by source × 2^21 + target, so
  // adding an edge is constant time even for hubs with thousands of dependents.
  private readonly outAt = new Map<number, number>();
  private readonly inAt = new Map<number, number>();
  private order: Int32Array | undefined;
  private changes = 0;

  /** Changes whenever a node or an edge is added or an edge becomes known another way. */
  get version(): number {
    return this.changes;
  }

  /** Adds a catalog entity (a node even without edges). */
  addEntity(ref: string): void {
    this.known[this.id(ref)] = true;
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
    return id !== undefined && this.known[id];
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
  walk(query: ImpactQuery): ImpactWalk {
    const rootId = this.ids.get(query.root);
    if (rootId === undefined) {
      return {
        refs: [],
        depths: [],
        truncated: false,
        hidden: [],
        stepAt: noStep,
      };
    }
    const mask =
      (query.include.declared ? DECLARED : 0) |
      (query.include.observed ? OBSERVED : 0);
    const [next, nextFlags] =
      query.direction === 'downstream'
        ? [this.in, this.inFlags]
        : [this.out, this.outFlags];
    const rank = this.refOrder();
    const byRef = (a: number, b: number) => rank[a] - rank[b];

    // The predecessor on a shortest path (UNSEEN until reached) and how that edge is known.
    const parent = new Int32Array(this.refs.length).fill(UNSEEN);
    const parentFlag = new Uint8Array(this.refs.length);
    parent[rootId] = NO_PARENT;
    const reached: number[] = [];
    const depths: number[] = [];
    let frontier = [rootId];
    let truncated = false;
    for (
      let depth = 1;
      depth <= query.maxDepth && frontier.length > 0 && !truncated;
      depth++
    ) {
      const found: number[] = [];
      // Predecessors in ref order, so that ties in shortest paths resolve the same way each time.
      frontier.sort(byRef);
      for (const node of frontier) {
        const neighbours = next[node];
        const flags = nextFlags[node];
        for (let i = 0; i < neighbours.length; i++) {
          const neighbour = neighbours[i];
          // Followed when included; described as it is known, whatever was included.
          if ((flags[i] & mask) !== 0 && parent[neighbour] === UNSEEN) {
            parent[neighbour] = node;
            parentFlag[neighbour] = flags[i];
            found.push(neighbour);
          }
        }
      }
      found.sort(byRef);
      const room = query.maxResults - reached.length;
      if (found.length > room) {
        found.length = room;
        truncated = true;
      }
      for (const node of found) {
        reached.push(node);
        depths.push(depth);
      }
      frontier = found;
    }
    // Each reached entity's predecessor by its position among them (ROOT for the root), so
    // that a walk kept for later pages holds arrays the size of its reach, not of the graph.
    // A predecessor is one level nearer the root, so it has its position already.
    const positionOf = new Int32Array(this.refs.length);
    const parentAt = new Int32Array(reached.length);
    const viaAt = new Uint8Array(reached.length);
    reached.forEach((node, at) => {
      parentAt[at] = parent[node] === rootId ? ROOT : positionOf[parent[node]];
      viaAt[at] = parentFlag[node];
      positionOf[node] = at;
    });
    const rootRef = query.root;
    const refs = reached.map(node => this.refs[node]);
    let hidden: string[] = [];
    if (query.include.observed) {
      const declared = this.reachedThroughDeclared(
        rootId,
        next,
        nextFlags,
        query,
      );
      hidden = reached.filter(node => !declared[node]).map(n => this.refs[n]);
    }
    return {
      refs,
      depths,
      truncated,
      hidden,
      stepAt: index => {
        const path: string[] = [];
        for (let at = index; at !== ROOT; at = parentAt[at]) {
          path.push(refs[at]);
        }
        path.push(rootRef);
        return {
          ref: refs[index],
          depth: depths[index],
          path: path.reverse(),
          via: toProvenance(viaAt[index]),
        };
      },
    };
  }

  /** Which nodes a walk over declared edges alone reaches from the root within `maxDepth`. */
  private reachedThroughDeclared(
    rootId: number,
    next: number[][],
    nextFlags: number[][],
    query: ImpactQuery,
  ): Uint8Array {
    const seen = new Uint8Array(this.refs.length);
    seen[rootId] = 1;
    let frontier = [rootId];
    for (
      let depth = 1;
      depth <= query.maxDepth && frontier.length > 0;
      depth++
    ) {
      const found: number[] = [];
      for (const node of frontier) {
        const neighbours = next[node];
        const flags = nextFlags[node];
        for (let i = 0; i < neighbours.length; i++) {
          if ((flags[i] & DECLARED) !== 0 && seen[neighbours[i]] === 0) {
            seen[neighbours[i]] = 1;
            found.push(neighbours[i]);
          }
        }
      }
      frontier = found;
    }
    return seen;
  }

  /** Each node's position in plain string order of refs, kept until a node is added. */
  private refOrder(): Int32Array {
    if (!this.order) {
      const ids = this.refs.map((_, id) => id);
      ids.sort((a, b) => compareRefs(this.refs[a], this.refs[b]));
      this.order = new Int32Array(ids.length);
      ids.forEach((id, position) => {
        this.order![id] = position;
      });
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
      this.known.push(false);
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
