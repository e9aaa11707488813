import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RELATION_SLO_OF,
  SLI_KIND,
  SLO_KIND,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { queryAllEntities } from '../catalog/queryAllEntities';
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
 * Reads an entity's SLO definitions (and the SLIs they reference) from the catalog with the
 * caller's credentials, so a request sees only what its caller may read and what the catalog
 * has now. The evaluation task reads them from the catalog index instead ({@link sloDefinitionsOf}).
 */
export class SloCatalog {
  constructor(private readonly catalog: CatalogService) {}

  /** The SLOs related to an entity (`sloOf`) that the caller may read. */
  async listForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloDefinition[]> {
    const slos = await queryAllEntities(
      this.catalog,
      {
        filter: { kind: SLO_KIND, [`relations.${RELATION_SLO_OF}`]: entityRef },
      },
      credentials,
    );
    return this.withIndicators(
      slos.filter(slo => isOpenSloKind(slo, SLO_KIND)),
      credentials,
    );
  }

  async getSlo(
    sloRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloDefinition | undefined> {
    const slo = await this.catalog.getEntityByRef(sloRef, { credentials });
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
      const { items } = await this.catalog.getEntitiesByRefs(
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
