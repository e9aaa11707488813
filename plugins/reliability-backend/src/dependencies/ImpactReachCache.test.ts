import { Entity } from '@backstage/catalog-model';
import { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { DependencyGraph } from './DependencyGraph';
import { ImpactQuery } from './DependencyIndex';
import { ImpactReachCache } from './ImpactReachCache';

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

const refsOf = (reach: { entities: Array<{ ref: string }> }) =>
  reach.entities.map(entity => entity.ref);

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
    expect(first.depths).toEqual([1, 1, 2]);
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
    expect(cache.reach(graph(), downstreamOf('web', true)).entities).toEqual(
      [],
    );
  });

  it('keeps the most recently used reaches within its bounds', () => {
    const cache = new ImpactReachCache({ maxEntries: 2, maxEntities: 3 });
    const onDb = graph();
    const walk = jest.spyOn(onDb.index, 'walk');
    cache.reach(onDb, downstreamOf('db')); // 3 entities: the bound
    cache.reach(onDb, downstreamOf('api')); // 1 more: db's goes
    cache.reach(onDb, downstreamOf('api'));
    expect(walk).toHaveBeenCalledTimes(2);
    cache.reach(onDb, downstreamOf('db'));
    expect(walk).toHaveBeenCalledTimes(3);

    cache.reach(onDb, downstreamOf('web')); // nothing reached
    cache.reach(onDb, downstreamOf('batch')); // nothing: db's goes, as the least recent
    cache.reach(onDb, downstreamOf('web'));
    cache.reach(onDb, downstreamOf('batch'));
    expect(walk).toHaveBeenCalledTimes(5);
    cache.reach(onDb, downstreamOf('db'));
    expect(walk).toHaveBeenCalledTimes(6);
  });
});
