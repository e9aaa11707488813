import { createRouteRef } from '@backstage/core-plugin-api';

/** The "Who do I page?" lookup page. */
export const lookupRouteRef = createRouteRef({ id: 'reliability-lookup' });
