import { isRecord, ValidationProblems } from '../validation';

/** Checks the basic shape of an OpenSLO v1 `SLI` document. */
export function validateSli(spec: unknown): ValidationProblems {
  if (!isRecord(spec)) {
    return ['spec must be an object'];
  }
  const hasRatio = spec.ratioMetric !== undefined;
  const hasThreshold = spec.thresholdMetric !== undefined;
  if (hasRatio === hasThreshold) {
    return [
      'an SLI needs exactly one of spec.ratioMetric and spec.thresholdMetric',
    ];
  }
  const metric = hasRatio ? spec.ratioMetric : spec.thresholdMetric;
  if (!isRecord(metric)) {
    return [
      `spec.${hasRatio ? 'ratioMetric' : 'thresholdMetric'} must be an object`,
    ];
  }
  return [];
}
