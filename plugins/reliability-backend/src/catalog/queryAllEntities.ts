import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

const PAGE_SIZE = 1000;

/** Every entity matching `filter`, read from the catalog page by page with a cursor. */
export async function queryAllEntities(
  catalog: CatalogService,
  options: { filter?: Record<string, string>; fields?: string[] },
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const { filter, fields } = options;
  const entities: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: PAGE_SIZE, fields }
        : { filter, limit: PAGE_SIZE, fields },
      { credentials },
    );
    entities.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return entities;
}
