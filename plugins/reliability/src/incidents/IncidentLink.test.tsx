import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { incidentsRouteRef } from '../routes';
import { IncidentLink } from './IncidentLink';

describe('IncidentLink', () => {
  it("links to the incident's page where the app mounts the incidents page", async () => {
    await renderInTestApp(<IncidentLink id={7}>Failover test</IncidentLink>, {
      mountedRoutes: { '/incidents': incidentsRouteRef },
    });
    expect(screen.getByRole('link', { name: 'Failover test' })).toHaveAttribute(
      'href',
      '/incidents/7',
    );
  });

  it('shows its words without a link where the app does not mount the incidents page', async () => {
    await renderInTestApp(<IncidentLink id={7}>Failover test</IncidentLink>);
    expect(screen.getByText('Failover test')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
