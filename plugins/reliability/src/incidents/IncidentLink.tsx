import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ReactNode } from 'react';
import { incidentRouteRef } from '../routes';

/**
 * The path of an incident's page, or undefined where the app has not mounted the incidents
 * page (a legacy app that added the tabs but not `ReliabilityIncidentsPage`).
 */
export function useIncidentPath(): (id: number) => string | undefined {
  let resolve: (params: { id: string }) => string;
  try {
    // useRouteRef throws only after its own hooks ran, so every render calls the same hooks
    // in the same order whether or not the page is mounted.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    resolve = useRouteRef(incidentRouteRef);
  } catch {
    return () => undefined;
  }
  return id => resolve({ id: String(id) });
}

/** A link to an incident's page; its words alone where the page is not mounted. */
export function IncidentLink(props: { id: number; children?: ReactNode }) {
  const incidentPath = useIncidentPath();
  const path = incidentPath(props.id);
  const words = props.children ?? `Incident ${props.id}`;
  return path ? <Link to={path}>{words}</Link> : <>{words}</>;
}
