import { Entity } from '@backstage/catalog-model';
import { entityOverview } from '../__testUtils__/overview';
import { triageSteps } from './triageSteps';

// Built, not written out: a link that runs script is what the checklist refuses to show.
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

const bare: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-service' },
  spec: {},
};

describe('triageSteps', () => {
  it('links nothing that is not annotated or configured', () => {
    const steps = triageSteps(bare, undefined, {});
    expect(steps.flatMap(step => step.links)).toEqual([]);
    expect(steps[0].known).toEqual([
      'Whether SLO alerts fire is not known yet.',
    ]);
  });

  it('searches Grafana for a selector that is not a tag, and skips a logs address that is not a web link', () => {
    const steps = triageSteps(
      {
        ...bare,
        metadata: {
          ...bare.metadata,
          annotations: {
            'grafana/dashboard-selector': "title == 'Orders'",
            'reliability.io/logs-url': SCRIPT_URL,
          },
        },
      },
      entityOverview(),
      { grafanaUrl: 'https://grafana.example.com' },
    );
    expect(steps[1].links).toEqual([
      {
        title: 'Grafana dashboards',
        url: "https://grafana.example.com/dashboards?query=title%20%3D%3D%20'Orders'",
      },
    ]);
    expect(steps[4].links).toEqual([]);
  });
});
