/** The `apiVersion` of OpenSLO v1 documents registered in the catalog. */
export const OPENSLO_API_VERSION = 'openslo/v1';

/** The `apiVersion` of the suite's own catalog kinds. */
export const RELIABILITY_API_VERSION = 'reliability.io/v1alpha1';

/** Catalog kinds the suite defines or adopts, by `apiVersion`. */
export const SLO_KIND = 'SLO';
export const SLI_KIND = 'SLI';
export const ESCALATION_POLICY_KIND = 'EscalationPolicy';

/** Relation from an SLO to the entity it is for, and back. */
export const RELATION_SLO_OF = 'sloOf';
export const RELATION_HAS_SLO = 'hasSlo';

/** Annotations the suite reads on catalog entities. */
export const ANNOTATION_ESCALATION_POLICY = 'reliability.io/escalation-policy';
export const ANNOTATION_SERVICE_NAME = 'reliability.io/service-name';
export const ANNOTATION_PAGERDUTY_SERVICE_ID = 'pagerduty.com/service-id';

/**
 * The kinds of entity that run and can fail, which the suite covers: the Reliability tab, the
 * dependency graph's nodes, the "Who do I page?" lookup. Lower case, as entity refs spell them.
 */
export const RUNNING_KINDS: readonly string[] = [
  'component',
  'resource',
  'system',
];

/** Whether entities of `kind` run and can fail (see {@link RUNNING_KINDS}). */
export function isRunningKind(kind: string): boolean {
  return RUNNING_KINDS.includes(kind.toLocaleLowerCase('en-US'));
}
