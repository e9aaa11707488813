import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  SLI_KIND,
  SLO_KIND,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogIndex } from '../catalog/CatalogIndex';
import { CatalogReadFilter } from '../catalog/CatalogReadFilter';
import { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import {
  isOpenSloKind,
  referencedSliRef,
  SloDefinition,
  toSloDefinition,
} from './SloDefinition';

/** Every SLO the catalog index holds, with its indicator resolved. */
export function sloDefinitionsOf(snapshot: CatalogSnapshot): SloDefinition[] {
  return snapshot.slos.map(slo =>
    toSloDefinition(slo, ref => snapshot.slisByRef.get(ref)),
  );
}

/**
 * Reads SLO definitions (and the SLIs they reference) as the caller may read them: an entity's
 * from the catalog index, as the evaluation task reads them ({@link sloDefinitionsOf}), so an
 * SLO is listed from the index refresh that also evaluates it first; a catalog query filtered
 * by relation costs hundreds of milliseconds on a catalog of 20,000 entities, on every view of
 * an entity. One SLO by ref is read from the catalog, as it has it now.
 */
export class SloCatalog {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      catalogIndex: CatalogIndex;
      readFilter: CatalogReadFilter;
    },
  ) {}

  /** The SLOs related to an entity (`sloOf`) that the caller may read. */
  async listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloDefinition[]> {
    const snapshot = await this.options.catalogIndex.current();
    // The index holds only OpenSLO `SLO`s and `SLI`s under these names.
    const slos = (snapshot.slosByEntity.get(entityRef) ?? []).map(slo => ({
      slo,
      ref: stringifyEntityRef(slo),
    }));
    if (slos.length === 0) return [];
    const readable = await this.options.readFilter.readable(
      slos.flatMap(({ slo, ref }) => [ref, ...(referencedSliRef(slo) ?? [])]),
      credentials,
    );
    return slos
      .filter(({ ref }) => readable.has(ref))
      .map(({ slo }) =>
        toSloDefinition(slo, ref =>
          readable.has(ref) ? snapshot.slisByRef.get(ref) : undefined,
        ),
      );
  }

  async getSlo(
    sloRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloDefinition | undefined> {
    const slo = await this.options.catalog.getEntityByRef(sloRef, {
      credentials,
    });
    if (!slo || !isOpenSloKind(slo, SLO_KIND)) {
      return undefined;
    }
    const [definition] = await this.withIndicators([slo], credentials);
    return definition;
  }

  private async withIndicators(
    slos: Entity[],
    credentials: BackstageCredentials,
  ): Promise<SloDefinition[]> {
    const sliRefs = [
      ...new Set(slos.flatMap(slo => referencedSliRef(slo) ?? [])),
    ];
    const sliByRef = new Map<string, Entity>();
    if (sliRefs.length > 0) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: sliRefs },
        { credentials },
      );
      for (const sli of items) {
        if (sli && isOpenSloKind(sli, SLI_KIND)) {
          sliByRef.set(stringifyEntityRef(sli), sli);
        }
      }
    }
    return slos.map(slo => toSloDefinition(slo, ref => sliByRef.get(ref)));
  }
}
