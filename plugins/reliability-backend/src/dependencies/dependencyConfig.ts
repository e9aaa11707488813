import { Config } from '@backstage/config';
import { readOptionalDuration } from '../config/readOptionalDuration';
import { HumanDuration } from '@backstage/types';
import { DependencySettings } from './DependencyService';

/** Reads `reliability.dependencies`, with the defaults documented in config.d.ts. */
export function readDependencyConfig(
  root: Config,
): DependencySettings & { refreshFrequency: HumanDuration } {
  const config = root.getOptionalConfig('reliability.dependencies');
  const positive = (key: string, fallback: number) => {
    const value = config?.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `reliability.dependencies.${key} must be a whole number of at least 1, got ${value}`,
      );
    }
    return value;
  };
  return {
    refreshFrequency: readOptionalDuration(config, 'refreshFrequency', {
      minutes: 1,
    }),
    retentionDays: positive('retentionDays', 90),
    staleAfterDays: positive('staleAfterDays', 14),
    maxDepth: positive('maxDepth', 20),
    maxResults: positive('maxResults', 10_000),
  };
}
