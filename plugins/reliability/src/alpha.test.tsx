import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { entityReliabilityContent } from './alpha';

describe('entityReliabilityContent', () => {
  it('is a "Reliability" tab at /reliability', () => {
    const tester = createExtensionTester(entityReliabilityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/reliability');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Reliability',
    );
  });

  it('shows on components but not on users', () => {
    const filter = createExtensionTester(entityReliabilityContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    const entity = (kind: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'x' },
    });
    expect(filter?.(entity('Component'))).toBe(true);
    expect(filter?.(entity('User'))).toBe(false);
  });
});
