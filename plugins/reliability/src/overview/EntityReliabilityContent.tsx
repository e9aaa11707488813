import { useEntity } from '@backstage/plugin-catalog-react';
import { ReliabilityOverview } from './ReliabilityOverview';

/**
 * The Reliability tab of an entity page: who owns it and whom to page, then its SLOs, open
 * incidents, runbooks, suspects, impact and history, from one request.
 *
 * @public
 */
export function EntityReliabilityContent() {
  const { entity } = useEntity();
  return <ReliabilityOverview entity={entity} />;
}
