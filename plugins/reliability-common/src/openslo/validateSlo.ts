import { isNonEmptyString, isRecord, ValidationProblems } from '../validation';

const BUDGETING_METHODS = ['Occurrences', 'Timeslices', 'RatioTimeslices'];

/**
 * Checks the basic shape of an OpenSLO v1 `SLO` document: what the service, indicator,
 * objectives, time window and budgeting method must look like for the suite to evaluate it.
 */
export function validateSlo(spec: unknown): ValidationProblems {
  if (!isRecord(spec)) {
    return ['spec must be an object'];
  }
  const problems: ValidationProblems = [];

  if (!isNonEmptyString(spec.service)) {
    problems.push(
      'spec.service must name the catalog entity the SLO is for, e.g. "orders-service"',
    );
  }

  if (spec.indicator === undefined && spec.indicatorRef === undefined) {
    problems.push(
      'the SLO has no indicator: set spec.indicator (an inline SLI) or spec.indicatorRef (the name of an SLI)',
    );
  } else if (spec.indicator !== undefined && !isRecord(spec.indicator)) {
    problems.push('spec.indicator must be an object');
  } else if (
    spec.indicatorRef !== undefined &&
    !isNonEmptyString(spec.indicatorRef)
  ) {
    problems.push('spec.indicatorRef must be the name of an SLI');
  }

  if (!isNonEmptyString(spec.budgetingMethod)) {
    problems.push(
      `spec.budgetingMethod is required: one of ${BUDGETING_METHODS.join(
        ', ',
      )}`,
    );
  } else if (!BUDGETING_METHODS.includes(spec.budgetingMethod)) {
    problems.push(
      `spec.budgetingMethod "${
        spec.budgetingMethod
      }" is not one of ${BUDGETING_METHODS.join(', ')}`,
    );
  }

  problems.push(...validateTimeWindow(spec.timeWindow));
  problems.push(...validateObjectives(spec.objectives));
  return problems;
}

function validateTimeWindow(timeWindow: unknown): ValidationProblems {
  if (!Array.isArray(timeWindow) || timeWindow.length !== 1) {
    return ['spec.timeWindow must be a list with exactly one window'];
  }
  const [window] = timeWindow;
  if (!isRecord(window) || !isNonEmptyString(window.duration)) {
    return ['spec.timeWindow[0].duration is required, e.g. "28d"'];
  }
  return [];
}

function validateObjectives(objectives: unknown): ValidationProblems {
  if (!Array.isArray(objectives) || objectives.length === 0) {
    return ['spec.objectives must list at least one objective'];
  }
  return objectives.flatMap((objective, index) => {
    const field = `spec.objectives[${index}]`;
    if (!isRecord(objective)) {
      return [`${field} must be an object`];
    }
    const { target, targetPercent } = objective;
    if (target === undefined && targetPercent === undefined) {
      return [`${field} needs a target (e.g. 0.999) or a targetPercent`];
    }
    if (target !== undefined) {
      if (typeof target !== 'number' || !(target >= 0 && target < 1)) {
        return [
          `${field}.target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got ${JSON.stringify(
            target,
          )}`,
        ];
      }
    }
    if (targetPercent !== undefined) {
      if (
        typeof targetPercent !== 'number' ||
        !(targetPercent >= 0 && targetPercent < 100)
      ) {
        return [
          `${field}.targetPercent must be a number from 0 up to but excluding 100, got ${JSON.stringify(
            targetPercent,
          )}`,
        ];
      }
    }
    return [];
  });
}
