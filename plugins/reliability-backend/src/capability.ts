import { HumanDuration } from '@backstage/types';
import express from 'express';

/** A periodic job of a capability, scheduled by `plugin.ts` with Backstage's scheduler. */
export type CapabilityTask = {
  id: string;
  /** `global`: once per run across all replicas; `local`: on every replica. */
  scope: 'global' | 'local';
  frequency: HumanDuration;
  timeout: HumanDuration;
  fn: (signal: AbortSignal) => Promise<void>;
};

/**
 * What each capability's factory returns: its routes and its tasks. A factory also returns what
 * other capabilities use of it (the SLO snapshot reader, the ownership service), and receives
 * what it uses of others as arguments.
 */
export type Capability = {
  router?: express.Router;
  tasks: CapabilityTask[];
  /**
   * Routes outside Backstage sign-in, each checking its callers itself (a signed pager
   * webhook). Every other route requires Backstage credentials.
   */
  unauthenticatedPaths?: string[];
};
