import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { DependencyService } from './DependencyService';

/**
 * The impact through declared and observed edges, and which of its entities declarations alone
 * do not reach: they depend on the root only through edges seen in traffic or incidents, so
 * their owners would not expect a change to it.
 */
export async function impactWithHidden(
  dependencies: Pick<DependencyService, 'getImpact'>,
  query: {
    root: string;
    direction: 'downstream' | 'upstream';
    maxDepth: number;
  },
  credentials: BackstageCredentials,
): Promise<{ impact: ImpactResponse; hidden: string[] }> {
  const walk = (observed: boolean) =>
    dependencies.getImpact(
      { ...query, include: { declared: true, observed } },
      credentials,
    );
  const [impact, declaredOnly] = await Promise.all([walk(true), walk(false)]);
  const declaredReach = new Set(declaredOnly.impacted.map(i => i.entityRef));
  return {
    impact,
    hidden: impact.impacted
      .map(i => i.entityRef)
      .filter(ref => !declaredReach.has(ref)),
  };
}
