export interface Config {
  /** The demo portal's own settings. */
  demo?: {
    /**
     * Past incidents to load when the portal has none, relative to packages/backend; empty to
     * load none.
     */
    incidentsFile?: string;
  };
}
