import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

export type IncidentSettings = {
  /** Days after resolution by which a SEV1 or SEV2 incident should have its postmortem. */
  postmortemDueDays: number;
  /** Groups whose members may edit any incident (an SRE team, incident commanders). */
  responderGroups: string[];
  /** Secrets that sign PagerDuty webhooks; more than one while a secret is rotated. */
  pagerdutyWebhookSecrets: string[];
};

/** Reads `reliability.incidents`, with the defaults documented in config.d.ts. */
export function readIncidentConfig(root: Config): IncidentSettings {
  const config = root.getOptionalConfig('reliability.incidents');
  const dueDays = config?.getOptionalNumber('postmortemDueDays') ?? 5;
  if (!Number.isInteger(dueDays) || dueDays < 0) {
    throw new Error(
      `reliability.incidents.postmortemDueDays must be a whole number of days, got ${dueDays}`,
    );
  }
  return {
    postmortemDueDays: dueDays,
    responderGroups: (
      config?.getOptionalStringArray('responderGroups') ?? []
    ).map(ref =>
      stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      ),
    ),
    pagerdutyWebhookSecrets:
      config?.getOptionalStringArray('pagerduty.webhookSecrets') ?? [],
  };
}
