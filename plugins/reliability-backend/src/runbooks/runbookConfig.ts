import { Config } from '@backstage/config';

export type RunbookSettings = {
  /** A runbook is fresh when its latest drill passed within this many days. */
  drillFreshnessDays: number;
};

/** Reads `reliability.runbooks`, with the defaults documented in config.d.ts. */
export function readRunbookConfig(root: Config): RunbookSettings {
  const days =
    root.getOptionalNumber('reliability.runbooks.drillFreshnessDays') ?? 90;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `reliability.runbooks.drillFreshnessDays must be a whole number of days, at least 1; got ${days}`,
    );
  }
  return { drillFreshnessDays: days };
}
