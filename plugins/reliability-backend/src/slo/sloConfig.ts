import { Config } from '@backstage/config';
import { readOptionalDuration } from '../config/readOptionalDuration';
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
    frequency: readOptionalDuration(evaluation, 'frequency', { minutes: 1 }),
    timeout: readOptionalDuration(evaluation, 'timeout', { minutes: 10 }),
    concurrency,
    retentionMs: durationToMilliseconds(
      readOptionalDuration(slo, 'snapshotRetention', { days: 7 }),
    ),
  };
}
