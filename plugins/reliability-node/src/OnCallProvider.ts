import { Entity } from '@backstage/catalog-model';
import {
  EscalationLevel,
  OnCallEntry,
} from '@reliability-suite/backstage-plugin-reliability-common';

/** What an external pager says about an entity's escalation at one instant. */
export type ProvidedEscalation = {
  /** The pager's policy, e.g. `pagerduty:PABC123`, and its name. */
  policy: { ref: string; name: string };
  onCall: OnCallEntry[];
  levels: EscalationLevel[];
  contacts?: Record<string, string>;
  warnings?: string[];
};

/**
 * An external source of on-call and escalation (PagerDuty, Opsgenie, …). The suite asks the
 * first provider that `handles` an entity before it looks for a catalog `EscalationPolicy`.
 */
export interface OnCallProvider {
  readonly id: string;
  handles(entity: Entity): boolean;
  getEscalation(entity: Entity, at: Date): Promise<ProvidedEscalation>;
}
