import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { singleFlight } from '../util/singleFlight';
import { CatalogSnapshot, INDEXED_FIELDS } from './CatalogSnapshot';
import { queryAllEntities } from './queryAllEntities';

// An owner a request needs and the snapshot lacks (a team added since the last refresh) makes
// the index refresh at once, at most this often.
const MISSING_OWNER_RETRY_MS = 10_000;

/** Called with each new snapshot, and the one it replaces (undefined the first time). */
export type CatalogIndexListener = (
  snapshot: CatalogSnapshot,
  previous: CatalogSnapshot | undefined,
) => Promise<void>;

/**
 * The replica's one copy of the catalog in memory: a {@link CatalogSnapshot} replaced whole on
 * each refresh, which pages through the catalog once. Capabilities read the snapshot and
 * register listeners for what they derive from it (the dependency graph, SLO evaluation).
 */
export class CatalogIndex {
  private snapshot: CatalogSnapshot | undefined;
  private builtAt = 0;
  private readonly listeners: CatalogIndexListener[] = [];
  private notifying: Promise<void> = Promise.resolve();
  /** Owners a request found missing and had the catalog read again for, since the last refresh. */
  private readonly ownersLookedFor = new Set<string>();
  private readonly build = singleFlight(async () => {
    const entities = await queryAllEntities(
      this.options.catalog,
      { fields: INDEXED_FIELDS },
      await this.options.auth.getOwnServiceCredentials(),
    );
    const snapshot = new CatalogSnapshot(entities);
    const previous = this.snapshot;
    this.snapshot = snapshot;
    this.builtAt = Date.now();
    // Not awaited here: a listener may itself wait for the snapshot (a graph rebuild a request
    // started before it existed), which must not wait for the listeners in turn. Listeners
    // hear of one snapshot at a time, in order.
    this.notifying = this.notifying.then(() => this.notify(snapshot, previous));
    return snapshot;
  });

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  onRefresh(listener: CatalogIndexListener): void {
    this.listeners.push(listener);
  }

  /**
   * Reads the catalog again, then lets every listener update from the new snapshot; requests
   * keep the previous snapshot meanwhile.
   */
  async refresh(): Promise<CatalogSnapshot> {
    this.ownersLookedFor.clear();
    const snapshot = await this.build();
    await this.notifying;
    return snapshot;
  }

  private async notify(
    snapshot: CatalogSnapshot,
    previous: CatalogSnapshot | undefined,
  ): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(snapshot, previous);
      } catch (error) {
        this.options.logger.warn(
          `A consumer of the catalog index failed to update: ${error}`,
        );
      }
    }
  }

  /**
   * The current snapshot, built first if there is none. With `mustKnowOwner`, a snapshot that
   * does not know that user or group is built again (it predates the owner: a backend that
   * started before the catalog finished loading, or a new team), at most every few seconds and
   * once per owner until the next scheduled refresh: an owner the catalog really lacks costs one
   * extra read, not one every few seconds.
   */
  async current(
    options: { mustKnowOwner?: string } = {},
  ): Promise<CatalogSnapshot> {
    const snapshot = this.snapshot ?? (await this.build());
    const owner = options.mustKnowOwner;
    if (
      owner &&
      !snapshot.knowsPerson(owner) &&
      !this.ownersLookedFor.has(owner) &&
      Date.now() - this.builtAt > MISSING_OWNER_RETRY_MS
    ) {
      this.ownersLookedFor.add(owner);
      return this.build();
    }
    return snapshot;
  }
}
