import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ReactNode } from 'react';
import { incidentRouteRef } from '../routes';

/** A link to an incident's page. */
export function IncidentLink(props: { id: number; children?: ReactNode }) {
  const incidentPath = useRouteRef(incidentRouteRef);
  return (
    <Link to={incidentPath({ id: String(props.id) })}>
      {props.children ?? `Incident ${props.id}`}
    </Link>
  );
}
