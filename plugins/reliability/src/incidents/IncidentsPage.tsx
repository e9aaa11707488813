import { Header, Page } from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { IncidentPage } from './IncidentPage';
import { OpenIncidentsPage } from './OpenIncidentsPage';

/** The incidents pages under the app's header: open incidents, and each incident. */
export function IncidentsRoutes() {
  return (
    <Routes>
      <Route path="/" element={<OpenIncidentsPage />} />
      <Route path="/:id" element={<IncidentPage />} />
    </Routes>
  );
}

/**
 * Open incidents across the portal and each incident's page, with a header of their own (on
 * the new frontend system the app draws the header, and the pages are `IncidentsRoutes`).
 *
 * @public
 */
export function IncidentsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Incidents"
        subtitle="Open incidents, and each incident's timeline and postmortem"
      />
      <IncidentsRoutes />
    </Page>
  );
}
