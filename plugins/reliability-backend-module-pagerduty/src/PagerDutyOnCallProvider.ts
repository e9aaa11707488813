import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  EscalationLevel,
  OnCallEntry,
} from '@reliability-suite/backstage-plugin-reliability-common';
import {
  OnCallProvider,
  ProvidedEscalation,
} from '@reliability-suite/backstage-plugin-reliability-node';
import { PagerDutyClient, PagerDutyOnCall } from './PagerDutyClient';

const MINUTE_MS = 60_000;

/**
 * Escalation from PagerDuty for entities annotated `pagerduty.com/service-id`: the service's
 * escalation policy (its rules become levels, delays accumulated) and who is on call at each
 * level. Answers are cached per service and minute for `cacheTtlMs`.
 */
export class PagerDutyOnCallProvider implements OnCallProvider {
  readonly id = 'pagerduty';
  private readonly cache = new Map<
    string,
    { expires: number; value: Promise<ProvidedEscalation> }
  >();

  constructor(
    private readonly client: PagerDutyClient,
    private readonly cacheTtlMs: number,
  ) {}

  handles(entity: Entity): boolean {
    return Boolean(
      entity.metadata.annotations?.[ANNOTATION_PAGERDUTY_SERVICE_ID],
    );
  }

  getEscalation(entity: Entity, at: Date): Promise<ProvidedEscalation> {
    const serviceId =
      entity.metadata.annotations![ANNOTATION_PAGERDUTY_SERVICE_ID];
    const key = `${serviceId}@${Math.floor(at.getTime() / MINUTE_MS)}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) {
      return cached.value;
    }
    for (const [k, v] of this.cache) {
      if (v.expires <= now) this.cache.delete(k);
    }
    const value = this.fetch(serviceId, at);
    this.cache.set(key, { expires: now + this.cacheTtlMs, value });
    // A failure is not cached: the next request asks again.
    value.catch(() => this.cache.delete(key));
    return value;
  }

  private async fetch(
    serviceId: string,
    at: Date,
  ): Promise<ProvidedEscalation> {
    const service = await this.client.getService(serviceId);
    const policyId = service.escalation_policy.id;
    const [policy, oncalls] = await Promise.all([
      this.client.getEscalationPolicy(policyId),
      this.client.listOnCalls(policyId, at),
    ]);

    const userRef = (id: string) => `pagerduty:user/${id}`;
    const onCall: OnCallEntry[] = oncalls
      .map((o: PagerDutyOnCall) => ({
        level: o.escalation_level,
        userRef: userRef(o.user.id),
        displayName: o.user.name ?? o.user.summary ?? o.user.id,
        email: o.user.email ?? null,
        rotation: o.schedule?.summary ?? null,
        timeZone: o.schedule ? 'UTC' : null,
        from: o.start,
        until: o.end,
      }))
      .sort((a, b) => a.level - b.level || a.userRef.localeCompare(b.userRef));

    let delay = 0;
    const levels: EscalationLevel[] = policy.escalation_rules.map((rule, i) => {
      const level = i + 1;
      const delayMinutes = delay;
      delay += rule.escalation_delay_in_minutes;
      return {
        level,
        delayMinutes,
        targets: rule.targets.map(target => {
          const isSchedule = target.type.startsWith('schedule');
          const users = isSchedule
            ? onCall
                .filter(o => o.level === level && o.rotation === target.summary)
                .map(o => o.userRef)
            : [userRef(target.id)];
          return {
            type: isSchedule ? ('rotation' as const) : ('user' as const),
            ref: `pagerduty:${isSchedule ? 'schedule' : 'user'}/${target.id}`,
            displayName: target.summary,
            users,
          };
        }),
      };
    });

    return {
      policy: {
        ref: `pagerduty:escalation_policy/${policy.id}`,
        name: policy.name,
      },
      onCall,
      levels,
      contacts: service.html_url ? { pagerduty: service.html_url } : {},
    };
  }
}
