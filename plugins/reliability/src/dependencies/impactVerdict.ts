import { ImpactResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { countOf } from '../shared/format';

/** The verdict sentence: how many entities, owned by how many teams, how many frozen. */
export function impactVerdict(impact: ImpactResponse): string {
  const { entities, owners, frozen } = impact.summary;
  if (entities === 0) return 'Nothing depends on it.';
  const spent =
    frozen === 0
      ? 'none has spent its error budget'
      : `${frozen} ${frozen === 1 ? 'has' : 'have'} spent ${
          frozen === 1 ? 'its' : 'their'
        } error budget`;
  return `${countOf(
    entities,
    'entity',
    'entities',
  )} would be affected, owned by ${countOf(owners.length, 'team')}; ${spent}.`;
}
