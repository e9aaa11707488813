import { Entity } from '@backstage/catalog-model';
import { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { DependencyGraph } from './DependencyGraph';
import { ImpactQuery } from './DependencyIndex';
import { ImpactReachCache } from './ImpactReachCache';
import { GraphReach } from './impactReach';

const component = (name: string, dependsOn: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
  relations: dependsOn.map(target => ({
    type: 'dependsOn',
    targetRef: `component:default/${target}`,
  })),
});

// db ← api ← web, db ← batch
const graph = () =>
  new DependencyGraph(
    new CatalogSnapshot([
      component('db'),
      component('api', ['db']),
      component('web', ['api']),
      component('batch', ['db']),
    ]),
    [],
  );

// Through declared edges only, one walk a reach (with observed ones, two: see `hidden`).
const downstreamOf = (name: string, observed = false): ImpactQuery => ({
  root: `component:default/${name}`,
  direction: 'downstream',
  maxDepth: 5,
  include: { declared: true, observed },
  maxResults: 100,
});

const refsOf = (reach: GraphReach) =>
  Array.from({ length: reach.size }, (_, at) => reach.entityAt(at).ref);

describe('ImpactReachCache', () => {
  it('walks a question once while the graph stays as it was', () => {
    const cache = new ImpactReachCache({ maxEntries: 10, maxEntities: 100 });
    const onDb = graph();
    const walk = jest.spyOn(onDb.index, 'walk');
    const first = cache.reach(onDb, downstreamOf('db'));
    expect(refsOf(first)).toEqual([
      'component:default/api',
      'component:default/batch',
      'component:default/web',
    ]);
    expect([0, 1, 2].map(at => first.depthAt(at))).toEqual([1, 1, 2]);
    expect(cache.reach(onDb, downstreamOf('db'))).toBe(first);
    expect(walk).toHaveBeenCalledTimes(1);
  });

  it('walks again once an edge is added, and on another graph', () => {
    const cache = new ImpactReachCache({ maxEntries: 10, maxEntities: 100 });
    const onDb = graph();
    expect(refsOf(cache.reach(onDb, downstreamOf('web', true)))).toEqual([]);
    onDb.addObservedEdges([
      {
        source: 'component:default/batch',
        target: 'component:default/web',
        evidence: 'traffic',
        detail: '',
        observedAt: new Date(),
      },
    ]);
    const after = cache.reach(onDb, downstreamOf('web', true));
    expect(refsOf(after)).toEqual(['component:default/batch']);
    expect([...after.hidden]).toEqual(['component:default/batch']);
    expect(after.summary).toMatchObject({ entities: 1, hidden: 1 });
    expect(refsOf(cache.reach(graph(), downstreamOf('web', true)))).toEqual([]);
  });

  const counting = (limits: { maxEntries: number; maxEntities: number }) => {
    const cache = new ImpactReachCache(limits);
    const onDb = graph();
    const walk = jest.spyOn(onDb.index, 'walk');
    const ask = (name: string) => cache.reach(onDb, downstreamOf(name));
    return { ask, walks: () => walk.mock.calls.length };
  };

  it('lets the least recently used reach go beyond maxEntries', () => {
    const { ask, walks } = counting({ maxEntries: 2, maxEntities: 100 });
    ask('web');
    ask('batch');
    ask('web'); // now batch's is the least recently used
    expect(walks()).toBe(2);
    ask('api'); // batch's goes
    ask('web');
    expect(walks()).toBe(3);
    ask('batch');
    expect(walks()).toBe(4);
  });

  it('holds at most maxEntities entities among its reaches', () => {
    const { ask, walks } = counting({ maxEntries: 10, maxEntities: 3 });
    ask('db'); // 3 entities
    ask('api'); // 1 more: db's goes
    ask('api');
    expect(walks()).toBe(2);
    ask('db'); // api's goes
    ask('api');
    expect(walks()).toBe(4);

    const small = counting({ maxEntries: 10, maxEntities: 2 });
    small.ask('db'); // 3 entities, never kept
    small.ask('db');
    expect(small.walks()).toBe(2);
  });
});
