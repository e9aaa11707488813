import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

const BATCH = 1000;

/**
 * Which entity refs a caller may read in the catalog. The catalog decides reads with the
 * same conditional decision: when the policy allows every entity (or the caller is a service),
 * all refs are readable without asking the catalog about each; when it denies, none are; only
 * a conditional decision needs the catalog to apply its conditions, one call per 1,000 refs.
 */
export class CatalogReadFilter {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      permissions: PermissionsService;
    },
  ) {}

  async readable(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const unique = [...new Set(refs)];
    if (unique.length === 0) return new Set();
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
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
}
