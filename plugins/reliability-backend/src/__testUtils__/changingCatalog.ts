import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * One catalog service for the plugin to hold, whose answers a test can change by pointing it
 * at another catalog (`swap`), as entities are added to a real catalog.
 */
export function changingCatalog(initial: CatalogService) {
  let current = initial;
  const service = new Proxy({} as CatalogService, {
    get: (_target, name: keyof CatalogService) => {
      const value = current[name];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  return {
    service,
    swap: (next: CatalogService) => {
      current = next;
    },
  };
}
