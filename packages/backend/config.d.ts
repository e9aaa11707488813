export interface Config {
  /** The demo portal's own settings. */
  demo?: {
    /**
     * Past incidents to load when the portal has none, relative to packages/backend; empty to
     * load none.
     */
    incidentsFile?: string;
    /**
     * Drills of the demo's runbooks to load, each once, relative to packages/backend; empty to
     * load none.
     */
    drillsFile?: string;
  };
}
