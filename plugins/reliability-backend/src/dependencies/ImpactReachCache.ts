import { DependencyGraph } from './DependencyGraph';
import { ImpactQuery } from './DependencyIndex';
import { GraphReach, reachInGraph } from './impactReach';

type Entry = { graph: DependencyGraph; version: number; reach: GraphReach };

/**
 * The reaches of recent impact queries, each kept while the graph it was walked on is
 * unchanged. Every page of an answer carries the whole reach's summary, so without it paging
 * through a hub's thousands of dependents walks them all again for each page, and everyone
 * opening the same impact view during an outage walks them again too. Least recently used
 * reaches go first; the cache holds at most `maxEntries` reaches and `maxEntities` entities
 * among them (a reach holds arrays the size of what it reached, see `DependencyIndex.walk`).
 */
export class ImpactReachCache {
  private readonly entries = new Map<string, Entry>();
  private entities = 0;

  constructor(
    private readonly limits: { maxEntries: number; maxEntities: number },
  ) {}

  reach(graph: DependencyGraph, query: ImpactQuery): GraphReach {
    const key = JSON.stringify([
      query.root,
      query.direction,
      query.maxDepth,
      query.include.declared,
      query.include.observed,
      query.maxResults,
    ]);
    const version = graph.index.version;
    const cached = this.entries.get(key);
    if (cached) {
      this.remove(key, cached);
      if (cached.graph === graph && cached.version === version) {
        this.entries.set(key, cached);
        this.entities += cached.reach.size;
        return cached.reach;
      }
    }
    const reach = reachInGraph(graph, query);
    if (reach.size <= this.limits.maxEntities) {
      this.entries.set(key, { graph, version, reach });
      this.entities += reach.size;
      this.evict();
    }
    return reach;
  }

  /** Forgets every reach: the graph they were walked on was replaced. */
  clear(): void {
    this.entries.clear();
    this.entities = 0;
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.entities -= entry.reach.size;
  }

  private evict() {
    for (const [key, entry] of this.entries) {
      if (
        this.entries.size <= this.limits.maxEntries &&
        this.entities <= this.limits.maxEntities
      ) {
        return;
      }
      this.remove(key, entry);
    }
  }
}
