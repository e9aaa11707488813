import { isReliabilityAvailable } from './conditions';

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
