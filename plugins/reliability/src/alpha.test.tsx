import { Entity, EntityRelation } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import plugin, {
  entityDependenciesContent,
  entityEscalationCard,
  entityReliabilityContent,
  entitySloContent,
  entitySloSummaryCard,
  lookupPage,
  incidentsPage,
  reliabilityApi,
} from './alpha';
import { reliabilityApiRef } from './api';

const entity = (kind: string, relations: EntityRelation[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  relations,
});
const withSlo = entity('Component', [
  { type: 'hasSlo', targetRef: 'slo:default/x-availability' },
]);

describe('the /alpha plugin', () => {
  it.each([
    'api:reliability',
    'entity-content:reliability/overview',
    'entity-content:reliability/slos',
    'entity-content:reliability/dependencies',
    'entity-content:reliability/incidents',
    'entity-card:reliability/slo-summary',
    'entity-card:reliability/escalation',
    'page:reliability/lookup',
    'page:reliability/incidents',
  ])('installs %s', id => {
    expect(plugin.getExtension(id as never)).toBeDefined();
  });
});

describe('entity tabs', () => {
  it('has a "Reliability" tab at /reliability, on things that run', () => {
    const tester = createExtensionTester(entityReliabilityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(tester.get(coreExtensionData.routePath)).toBe('/reliability');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Reliability',
    );
    expect(filter?.(entity('Component'))).toBe(true);
    expect(filter?.(entity('User'))).toBe(false);
  });

  it('has an "SLOs" tab at /slos, on entities that have SLOs', () => {
    const tester = createExtensionTester(entitySloContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(tester.get(coreExtensionData.routePath)).toBe('/slos');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('SLOs');
    expect(filter?.(withSlo)).toBe(true);
    expect(filter?.(entity('Component'))).toBe(false);
  });

  it('has a "Dependencies" tab at /dependencies, on things that run', () => {
    const tester = createExtensionTester(entityDependenciesContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(tester.get(coreExtensionData.routePath)).toBe('/dependencies');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Dependencies',
    );
    expect(filter?.(entity('Resource'))).toBe(true);
    expect(filter?.(entity('API'))).toBe(false);
  });
});

describe('entity cards', () => {
  it('shows the SLO summary on entities that have SLOs', () => {
    const filter = createExtensionTester(entitySloSummaryCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(withSlo)).toBe(true);
    expect(filter?.(entity('Component'))).toBe(false);
  });

  it('shows the escalation card on things that run', () => {
    const filter = createExtensionTester(entityEscalationCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(entity('System'))).toBe(true);
    expect(filter?.(entity('Group'))).toBe(false);
  });
});

describe('lookupPage', () => {
  it('is "Who do I page?" at /who-do-i-page', () => {
    expect(
      createExtensionTester(lookupPage).get(coreExtensionData.routePath),
    ).toBe('/who-do-i-page');
  });
});

describe('incidentsPage', () => {
  it('is "Incidents" at /incidents', () => {
    const tester = createExtensionTester(incidentsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/incidents');
    expect(tester.get(coreExtensionData.title)).toBe('Incidents');
  });
});

describe('reliabilityApi', () => {
  it('provides the reliability client', () => {
    const factory = createExtensionTester(reliabilityApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api).toBe(reliabilityApiRef);
  });
});
