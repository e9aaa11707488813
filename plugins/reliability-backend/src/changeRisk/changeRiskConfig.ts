import { Config } from '@backstage/config';

export type ChangeRiskSettings = {
  /** A change that reaches this many owners besides the entity's own is high risk. */
  ownersThreshold: number;
};

/** Reads `reliability.changeRisk`, with the defaults documented in config.d.ts. */
export function readChangeRiskConfig(root: Config): ChangeRiskSettings {
  const threshold =
    root.getOptionalNumber('reliability.changeRisk.ownersThreshold') ?? 3;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new Error(
      `reliability.changeRisk.ownersThreshold must be a whole number, at least 1; got ${threshold}`,
    );
  }
  return { ownersThreshold: threshold };
}
