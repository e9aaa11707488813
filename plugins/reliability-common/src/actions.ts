/**
 * Bounds and defaults the suite's actions for automation and AI assistants share with its
 * routes, so an answer fits a model's context.
 */
export const ACTION_LIMITS = {
  /** Entities in one action answer unless the caller asks for fewer or more. */
  entitiesDefault: 50,
  /** The most entities one action answer holds. */
  entitiesMax: 500,
  /** Lookup matches for `who-to-page` with a free-text query. */
  matches: 5,
  /** Incidents in one `list-incidents` answer, unless asked otherwise, and at most. */
  incidentsDefault: 20,
  incidentsMax: 100,
} as const;
