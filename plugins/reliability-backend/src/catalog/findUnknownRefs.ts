import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogIndex } from './CatalogIndex';
import { CatalogReadFilter } from './CatalogReadFilter';

/**
 * Which of `refs` a writer may not name: those the catalog lacks (the index first, the
 * catalog itself for what the index does not know yet, e.g. right after start) and those
 * `credentials` may not read, so that the answer does not tell one from the other.
 */
export async function findUnknownRefs(
  options: {
    catalog: CatalogService;
    catalogIndex: CatalogIndex;
    readFilter: CatalogReadFilter;
    auth: AuthService;
  },
  refs: string[],
  credentials?: BackstageCredentials,
): Promise<string[]> {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return [];
  const snapshot = await options.catalogIndex.current();
  const notIndexed = unique.filter(
    ref =>
      !snapshot.entitiesByRef.has(ref) &&
      !snapshot.users.has(ref) &&
      !snapshot.groups.has(ref),
  );
  const missing = new Set<string>();
  if (notIndexed.length > 0) {
    const { items } = await options.catalog.getEntitiesByRefs(
      { entityRefs: notIndexed, fields: ['kind', 'metadata.name'] },
      { credentials: await options.auth.getOwnServiceCredentials() },
    );
    notIndexed.forEach((ref, i) => !items[i] && missing.add(ref));
  }
  const readable = credentials
    ? await options.readFilter.readable(unique, credentials)
    : new Set(unique);
  return unique.filter(ref => missing.has(ref) || !readable.has(ref));
}
