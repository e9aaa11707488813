import { DependencyIndex, ImpactQuery } from './DependencyIndex';

function graph(
  edges: Array<[string, string, 'declared' | 'observed']>,
  nodes: string[] = [],
) {
  const index = new DependencyIndex<string>();
  nodes.forEach(n => index.addEntity(n, n));
  edges.forEach(([s, t, via]) => {
    index.addEntity(s, s);
    index.addEntity(t, t);
    index.addEdge(s, t, via);
  });
  return index;
}

const all = { declared: true, observed: true };
const query = (
  root: string,
  overrides: Partial<ImpactQuery> = {},
): ImpactQuery => ({
  root,
  direction: 'downstream',
  maxDepth: 20,
  include: all,
  maxResults: 10_000,
  ...overrides,
});
const stepsOf = (index: DependencyIndex<string>, q: ImpactQuery) => {
  const walk = index.walk(q);
  return {
    steps: Array.from({ length: walk.size }, (_, i) => walk.stepAt(i)),
    truncated: walk.truncated,
  };
};
const summarize = (index: DependencyIndex<string>, q: ImpactQuery) =>
  stepsOf(index, q).steps.map(s => `${s.depth} ${s.path.join('>')} ${s.via}`);

describe('DependencyIndex.walk', () => {
  // web → api → db; batch → db (observed only); report → db (declared and observed).
  const shop = graph([
    ['web', 'api', 'declared'],
    ['api', 'db', 'declared'],
    ['batch', 'db', 'observed'],
    ['report', 'db', 'declared'],
    ['report', 'db', 'observed'],
  ]);

  it('walks downstream (what breaks if the root breaks) with depths and shortest paths', () => {
    expect(summarize(shop, query('db'))).toEqual([
      '1 db>api declared',
      '1 db>batch hidden',
      '1 db>report both',
      '2 db>api>web declared',
    ]);
  });

  it('names what it reached only through observed edges, within the same depth', () => {
    expect(shop.walk(query('db')).hidden).toEqual(['batch']);
    expect(
      shop.walk(query('db', { include: { declared: true, observed: false } }))
        .hidden,
    ).toEqual([]);
    // web → api → db declared, and web → db observed: within depth 1, only traffic shows web.
    const shortcut = graph([
      ['web', 'api', 'declared'],
      ['api', 'db', 'declared'],
      ['web', 'db', 'observed'],
    ]);
    expect(shortcut.walk(query('db')).hidden).toEqual([]);
    expect(shortcut.walk(query('db', { maxDepth: 1 })).hidden).toEqual(['web']);
    // Cut at maxResults, the walk still judges by all declared edges: c is a's dependent.
    const crowded = graph([
      ['a', 'hub', 'declared'],
      ['b', 'hub', 'declared'],
      ['d', 'hub', 'declared'],
      ['c', 'a', 'declared'],
      ['c', 'hub', 'observed'],
    ]);
    const cut = crowded.walk(query('hub', { maxResults: 3 }));
    expect(cut.truncated).toBe(true);
    expect(cut.hidden).toEqual([]);
    // A name seen in traffic that no entity has is not an entity reached.
    const index = graph([['web', 'api', 'declared']]);
    index.addEdge('mystery', 'api', 'observed');
    expect(index.walk(query('api')).hidden).toEqual([]);
  });

  it('keeps ref order, for results and for ties in paths, when entities arrive after a query', () => {
    const growing = graph([
      ['m', 'db', 'declared'],
      ['x', 'm', 'declared'],
    ]);
    expect(summarize(growing, query('db'))).toEqual([
      '1 db>m declared',
      '2 db>m>x declared',
    ]);
    growing.addEdge('z', 'db', 'observed');
    growing.addEdge('a', 'db', 'observed');
    growing.addEdge('x', 'a', 'observed');
    expect(summarize(growing, query('db'))).toEqual([
      '1 db>a hidden',
      '1 db>m declared',
      '1 db>z hidden',
      '2 db>a>x hidden',
    ]);
  });

  it('walks upstream (what the root depends on)', () => {
    expect(summarize(shop, query('web', { direction: 'upstream' }))).toEqual([
      '1 web>api declared',
      '2 web>api>db declared',
    ]);
  });

  it.each([
    [
      { declared: true, observed: false },
      ['1 db>api declared', '1 db>report both', '2 db>api>web declared'],
    ],
    [
      { declared: false, observed: true },
      ['1 db>batch hidden', '1 db>report both'],
    ],
  ])(
    'follows only the included kinds of edge, each described as it is known: %p',
    (include, expected) => {
      expect(summarize(shop, query('db', { include }))).toEqual(expected);
    },
  );

  it('handles cycles and self-loops, listing each entity once', () => {
    const cyclic = graph([
      ['a', 'b', 'declared'],
      ['b', 'c', 'declared'],
      ['c', 'a', 'declared'],
      ['a', 'a', 'declared'],
    ]);
    expect(summarize(cyclic, query('a', { direction: 'upstream' }))).toEqual([
      '1 a>b declared',
      '2 a>b>c declared',
    ]);
  });

  it('takes the shortest path through a diamond, ties by the smaller ref', () => {
    // top depends on left and right; both depend on bottom; top also reaches bottom in 3 hops.
    const diamond = graph([
      ['top', 'right', 'declared'],
      ['top', 'left', 'declared'],
      ['right', 'bottom', 'declared'],
      ['left', 'bottom', 'declared'],
      ['top', 'long-1', 'declared'],
      ['long-1', 'long-2', 'declared'],
      ['long-2', 'bottom', 'declared'],
    ]);
    expect(summarize(diamond, query('top', { direction: 'upstream' }))).toEqual(
      [
        '1 top>left declared',
        '1 top>long-1 declared',
        '1 top>right declared',
        '2 top>left>bottom declared',
        '2 top>long-1>long-2 declared',
      ],
    );
  });

  it('stops at maxDepth and truncates at maxResults, in order', () => {
    const chain = graph([
      ['e', 'd', 'declared'],
      ['d', 'c', 'declared'],
      ['c', 'b', 'declared'],
      ['b', 'a', 'declared'],
    ]);
    expect(summarize(chain, query('a', { maxDepth: 2 }))).toEqual([
      '1 a>b declared',
      '2 a>b>c declared',
    ]);
    const fan = graph([
      ['x3', 'hub', 'declared'],
      ['x1', 'hub', 'declared'],
      ['x2', 'hub', 'declared'],
    ]);
    expect(stepsOf(fan, query('hub', { maxResults: 2 }))).toEqual({
      steps: [
        { ref: 'x1', depth: 1, path: ['hub', 'x1'], via: 'declared' },
        { ref: 'x2', depth: 1, path: ['hub', 'x2'], via: 'declared' },
      ],
      truncated: true,
    });
  });

  it('knows an unknown root has no impact', () => {
    expect(stepsOf(shop, query('nowhere'))).toEqual({
      steps: [],
      truncated: false,
    });
  });

  it('lists the edges of a node both ways, marking names that match no entity', () => {
    const index = graph([['web', 'api', 'declared']], []);
    index.addEdge('web', 'mystery-service', 'observed');
    expect(index.isKnown('mystery-service')).toBe(false);
    expect(index.edgesOf('web')).toEqual([
      { source: 'web', target: 'api', via: 'declared' },
      { source: 'web', target: 'mystery-service', via: 'hidden' },
    ]);
    expect(index.edgesOf('api')).toEqual([
      { source: 'web', target: 'api', via: 'declared' },
    ]);
  });
});

describe('DependencyIndex.version', () => {
  it('changes when an edge is added or becomes known another way, not when it is known again', () => {
    const index = graph([['web', 'api', 'declared']]);
    const declared = index.version;
    index.addEdge('web', 'api', 'declared');
    expect(index.version).toBe(declared);
    index.addEdge('web', 'api', 'observed'); // its paths are now `both`
    const both = index.version;
    expect(both).not.toBe(declared);
    index.addEdge('web', 'api', 'observed');
    expect(index.version).toBe(both);
    index.addEdge('api', 'db', 'observed');
    expect(index.version).not.toBe(both);
  });
});
