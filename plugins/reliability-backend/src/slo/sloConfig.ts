import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DEFAULT_WARNING_THRESHOLD } from '@reliability-suite/backstage-plugin-reliability-common';

export type SloConfig = {
  warningThreshold: number;
  frequency: HumanDuration;
  timeout: HumanDuration;
  concurrency: number;
  retentionMs: number;
};

/** Reads `reliability.slo`, with the defaults documented in config.d.ts. */
export function readSloConfig(root: Config): SloConfig {
  const slo = root.getOptionalConfig('reliability.slo');
  const evaluation = slo?.getOptionalConfig('evaluation');
  const duration = (
    config: Config | undefined,
    key: string,
    fallback: HumanDuration,
  ) => (config?.has(key) ? readDurationFromConfig(config, { key }) : fallback);

  const warningThreshold =
    slo?.getOptionalNumber('warningThreshold') ?? DEFAULT_WARNING_THRESHOLD;
  if (!(warningThreshold >= 0 && warningThreshold < 1)) {
    throw new Error(
      `reliability.slo.warningThreshold must be a fraction from 0 up to but excluding 1, got ${warningThreshold}`,
    );
  }
  const concurrency = evaluation?.getOptionalNumber('concurrency') ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(
      `reliability.slo.evaluation.concurrency must be a whole number of at least 1, got ${concurrency}`,
    );
  }
  return {
    warningThreshold,
    frequency: duration(evaluation, 'frequency', { minutes: 1 }),
    timeout: duration(evaluation, 'timeout', { minutes: 10 }),
    concurrency,
    retentionMs: durationToMilliseconds(
      duration(slo, 'snapshotRetention', { days: 7 }),
    ),
  };
}
