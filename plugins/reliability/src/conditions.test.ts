import { isReliabilityAvailable, isSloAvailable } from './conditions';

describe('isReliabilityAvailable', () => {
  it.each([
    ['Component', true],
    ['Resource', true],
    ['System', true],
    ['component', true],
    ['API', false],
    ['Group', false],
    ['User', false],
  ])('%s → %p', (kind, expected) => {
    expect(
      isReliabilityAvailable({
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: { name: 'x' },
      }),
    ).toBe(expected);
  });
});

describe('isSloAvailable', () => {
  const component = (
    relations: Array<{ type: string; targetRef: string }>,
  ) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders-service' },
    relations,
  });

  it('is true when an OpenSLO SLO names the entity (the hasSlo relation)', () => {
    expect(
      isSloAvailable(
        component([
          { type: 'ownedBy', targetRef: 'group:default/commerce' },
          { type: 'hasSlo', targetRef: 'slo:default/orders-availability' },
        ]),
      ),
    ).toBe(true);
  });

  it.each([
    ['no relations at all', undefined],
    [
      'only other relations',
      [{ type: 'dependsOn', targetRef: 'resource:default/db' }],
    ],
    // The SLO's side of the relation is on the SLO, not on the entity it is for.
    [
      'an SLO entity itself',
      [{ type: 'sloOf', targetRef: 'component:default/x' }],
    ],
  ])('is false with %s', (_case, relations) => {
    expect(isSloAvailable({ ...component([]), relations })).toBe(false);
  });
});
