import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';

const BATCH = 1000;

// How long one caller's read decision is reused. Each decision is an HTTP round trip to the
// permission backend, and a responder's pages and impact views ask it again and again within
// seconds (Backstage's maintainers proposed the same 5-second caller-side cache for the
// permission client). A changed policy or group membership applies within this time.
const DECISION_TTL_MS = 5_000;
// Expired decisions are swept when the cache grows past this many callers.
const SWEEP_ABOVE = 1_000;

type CachedDecision = { until: number; decision: Promise<PolicyDecision> };

/**
 * Which entity refs a caller may read in the catalog. The catalog decides reads with the
 * same conditional decision: when the policy allows every entity (or the caller is a service),
 * all refs are readable without asking the catalog about each; when it denies, none are; only
 * a conditional decision needs the catalog to apply its conditions, one call per 1,000 refs.
 */
export class CatalogReadFilter {
  private readonly decisions = new Map<string, CachedDecision>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      permissions: PermissionsService;
    },
  ) {}

  /**
   * Whether the caller may read every entity, so that answers over thousands of entities need
   * no set of them (see {@link CatalogReadFilter.readable}).
   */
  async readsEverything(credentials: BackstageCredentials): Promise<boolean> {
    const decision = await this.decisionFor(credentials);
    return decision.result === AuthorizeResult.ALLOW;
  }

  async readable(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const unique = [...new Set(refs)];
    if (unique.length === 0) return new Set();
    const decision = await this.decisionFor(credentials);
    if (decision.result === AuthorizeResult.ALLOW) return new Set(unique);
    if (decision.result === AuthorizeResult.DENY) return new Set();

    const readable = new Set<string>();
    for (let i = 0; i < unique.length; i += BATCH) {
      const batch = unique.slice(i, i + BATCH);
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: batch,
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      items.forEach((item, j) => item && readable.add(batch[j]));
    }
    return readable;
  }

  /**
   * The caller's catalog read decision, shared by concurrent requests and reused for a few
   * seconds, never past the credentials' expiry; a failed request is not kept.
   */
  private decisionFor(
    credentials: BackstageCredentials,
  ): Promise<PolicyDecision> {
    const now = Date.now();
    const key = `${JSON.stringify(credentials.principal)}@${
      credentials.expiresAt?.getTime() ?? ''
    }`;
    const cached = this.decisions.get(key);
    if (cached && now < cached.until) return cached.decision;

    const decision = this.options.permissions
      .authorizeConditional([{ permission: catalogEntityReadPermission }], {
        credentials,
      })
      .then(([first]) => first);
    decision.catch(() => {
      if (this.decisions.get(key)?.decision === decision) {
        this.decisions.delete(key);
      }
    });
    if (this.decisions.size >= SWEEP_ABOVE) this.sweep(now);
    this.decisions.set(key, {
      until: Math.min(
        now + DECISION_TTL_MS,
        credentials.expiresAt?.getTime() ?? Infinity,
      ),
      decision,
    });
    return decision;
  }

  private sweep(now: number) {
    for (const [key, { until }] of this.decisions) {
      if (until <= now) this.decisions.delete(key);
    }
    // Still full of live callers: start again rather than grow without bound.
    if (this.decisions.size >= SWEEP_ABOVE) this.decisions.clear();
  }
}
