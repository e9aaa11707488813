import { DateTime, Duration } from 'luxon';
import { isNonEmptyString, isRecord, ValidationProblems } from '../validation';
import { isFixedLength, parseOpenSloDuration } from './duration';

/**
 * Where one count of an SLI comes from: an OpenSLO `metricSource`. `type` names the SLI source
 * that measures it (an installed module handles each type, Prometheus by default) and `spec` is
 * in that source's terms: for `Prometheus`, `{ query }`, a counter selector the suite reads as
 * `sum(increase(<query>[<window>]))`, or a query with `{{window}}` where the window goes.
 */
export type SliMetricSource = { type: string; spec: Record<string, unknown> };

/** The metric source type the suite measures with its Prometheus module. */
export const PROMETHEUS_METRIC_SOURCE = 'Prometheus';

/** A ratio indicator: good events (or bad events) out of all events, from one source type. */
export type RatioIndicator =
  | { good: SliMetricSource; bad?: undefined; total: SliMetricSource }
  | { good?: undefined; bad: SliMetricSource; total: SliMetricSource };

export type BudgetingMethod = 'Occurrences' | 'Timeslices';

export type SloTimeWindow =
  | { duration: Duration; durationText: string; isRolling: true }
  | {
      duration: Duration;
      durationText: string;
      isRolling: false;
      calendar: { startTime: DateTime; timeZone: string };
    };

export type SloObjective = {
  /** Position in `spec.objectives` (the API's `objective`). */
  objectiveIndex: number;
  name?: string;
  displayName?: string;
  /** Fraction in [0, 1). */
  target: number;
  /** For `Timeslices`: the SLI a slice needs to count as good. */
  timeSliceTarget?: number;
  timeSliceWindow?: Duration;
};

/** What the suite evaluates of an OpenSLO `SLO`, with defaults applied and units normalized. */
export type SloSpecDefinition = {
  service: string;
  description?: string;
  indicator?: RatioIndicator;
  indicatorRef?: string;
  budgetingMethod: BudgetingMethod;
  timeWindow: SloTimeWindow;
  objectives: SloObjective[];
};

const BUDGETING_METHODS: BudgetingMethod[] = ['Occurrences', 'Timeslices'];

export type ParseResult<T> =
  | { value: T; problems: [] }
  | { value?: undefined; problems: ValidationProblems };

/**
 * Reads an OpenSLO v1 `SLO` spec into what the suite evaluates, naming every problem that
 * would stop it from being evaluated.
 */
export function parseSloSpec(spec: unknown): ParseResult<SloSpecDefinition> {
  if (!isRecord(spec)) {
    return { problems: ['spec must be an object'] };
  }
  const problems: ValidationProblems = [];

  if (!isNonEmptyString(spec.service)) {
    problems.push(
      'spec.service must name the catalog entity the SLO is for, e.g. "orders-service"',
    );
  }

  let indicator: RatioIndicator | undefined;
  if (spec.indicator === undefined && spec.indicatorRef === undefined) {
    problems.push(
      'the SLO has no indicator: set spec.indicator (an inline SLI) or spec.indicatorRef (the name of an SLI)',
    );
  } else if (spec.indicator !== undefined) {
    if (!isRecord(spec.indicator) || !isRecord(spec.indicator.spec)) {
      problems.push(
        'spec.indicator must be an inline SLI with its own spec (spec.indicator.spec.ratioMetric)',
      );
    } else {
      const parsed = parseSliSpec(spec.indicator.spec, 'spec.indicator.spec');
      problems.push(...parsed.problems);
      indicator = parsed.value;
    }
  } else if (!isNonEmptyString(spec.indicatorRef)) {
    problems.push('spec.indicatorRef must be the name of an SLI');
  }

  const budgetingMethod = spec.budgetingMethod;
  if (!isNonEmptyString(budgetingMethod)) {
    problems.push(
      `spec.budgetingMethod is required: one of ${BUDGETING_METHODS.join(
        ', ',
      )}`,
    );
  } else if (!(BUDGETING_METHODS as string[]).includes(budgetingMethod)) {
    problems.push(
      `spec.budgetingMethod "${budgetingMethod}" is not supported: use one of ${BUDGETING_METHODS.join(
        ', ',
      )}`,
    );
  }

  const timeWindow = parseTimeWindow(spec.timeWindow);
  problems.push(...timeWindow.problems);
  const objectives = parseObjectives(
    spec.objectives,
    budgetingMethod === 'Timeslices',
  );
  problems.push(...objectives.problems);

  if (problems.length > 0 || !timeWindow.value || !objectives.value) {
    return { problems };
  }
  return {
    value: {
      service: (spec.service as string).trim(),
      description: isNonEmptyString(spec.description)
        ? spec.description
        : undefined,
      indicator,
      indicatorRef: indicator ? undefined : (spec.indicatorRef as string),
      budgetingMethod: budgetingMethod as BudgetingMethod,
      timeWindow: timeWindow.value,
      objectives: objectives.value,
    },
    problems: [],
  };
}

/** Reads an OpenSLO v1 `SLI` spec (or an SLO's inline indicator spec) into a ratio indicator. */
export function parseSliSpec(
  spec: unknown,
  field = 'spec',
): ParseResult<RatioIndicator> {
  if (!isRecord(spec)) {
    return { problems: [`${field} must be an object`] };
  }
  if (spec.thresholdMetric !== undefined) {
    return {
      problems: [
        `${field}.thresholdMetric is not supported: express the SLI as a ratioMetric of good (or bad) and total events`,
      ],
    };
  }
  const ratio = spec.ratioMetric;
  if (!isRecord(ratio)) {
    return {
      problems: [
        `${field}.ratioMetric is required: good (or bad) and total event counts`,
      ],
    };
  }
  const problems: ValidationProblems = [];
  if ((ratio.good === undefined) === (ratio.bad === undefined)) {
    problems.push(
      `${field}.ratioMetric needs exactly one of good and bad, beside total`,
    );
  }
  const good =
    ratio.good === undefined
      ? undefined
      : parseMetricSource(ratio.good, `${field}.ratioMetric.good`, problems);
  const bad =
    ratio.bad === undefined
      ? undefined
      : parseMetricSource(ratio.bad, `${field}.ratioMetric.bad`, problems);
  const total = parseMetricSource(
    ratio.total,
    `${field}.ratioMetric.total`,
    problems,
  );
  const events = good ?? bad;
  if (events && total && events.type !== total.type) {
    problems.push(
      `${field}.ratioMetric: ${
        good ? 'good' : 'bad'
      } and total must come from the same metricSource.type (${
        events.type
      } and ${total.type})`,
    );
  }
  if (problems.length > 0 || !total) {
    return { problems };
  }
  return {
    value: good ? { good, total } : { bad: bad!, total },
    problems: [],
  };
}

function parseMetricSource(
  metric: unknown,
  field: string,
  problems: ValidationProblems,
): SliMetricSource | undefined {
  const source = isRecord(metric) ? metric.metricSource : undefined;
  if (!isRecord(source)) {
    problems.push(
      `${field}.metricSource is required: { type: Prometheus, spec: { query } }`,
    );
    return undefined;
  }
  if (!isNonEmptyString(source.type)) {
    problems.push(
      `${field}.metricSource.type must name the SLI source, e.g. Prometheus`,
    );
    return undefined;
  }
  if (!isRecord(source.spec)) {
    problems.push(
      `${field}.metricSource.spec must be an object in the terms of ${source.type}`,
    );
    return undefined;
  }
  // Other types are the business of the module that measures them; only Prometheus is known here.
  if (source.type === PROMETHEUS_METRIC_SOURCE) {
    const query = source.spec.query;
    if (!isNonEmptyString(query)) {
      problems.push(`${field}.metricSource.spec.query must be a PromQL query`);
      return undefined;
    }
    return { type: source.type, spec: { ...source.spec, query: query.trim() } };
  }
  return { type: source.type, spec: source.spec };
}

function parseTimeWindow(timeWindow: unknown): ParseResult<SloTimeWindow> {
  if (!Array.isArray(timeWindow) || timeWindow.length !== 1) {
    return {
      problems: ['spec.timeWindow must be a list with exactly one window'],
    };
  }
  const [window] = timeWindow;
  if (!isRecord(window) || !isNonEmptyString(window.duration)) {
    return {
      problems: ['spec.timeWindow[0].duration is required, e.g. "28d"'],
    };
  }
  const duration = parseOpenSloDuration(window.duration);
  if (!duration) {
    return {
      problems: [
        `spec.timeWindow[0].duration "${window.duration}" is not a duration such as 7d, 28d, 30d, 1w, 1M or 1Q`,
      ],
    };
  }
  const isRolling = window.isRolling === undefined ? true : window.isRolling;
  if (typeof isRolling !== 'boolean') {
    return { problems: ['spec.timeWindow[0].isRolling must be true or false'] };
  }
  const durationText = window.duration.trim();
  if (isRolling) {
    if (!isFixedLength(duration)) {
      return {
        problems: [
          `spec.timeWindow[0].duration "${durationText}" has no fixed length: a rolling window takes minutes, hours, days or weeks (e.g. 28d); months and quarters need isRolling: false and a calendar`,
        ],
      };
    }
    return { value: { duration, durationText, isRolling }, problems: [] };
  }
  const calendar = window.calendar;
  if (!isRecord(calendar)) {
    return {
      problems: [
        'spec.timeWindow[0].calendar is required when isRolling is false: { startTime, timeZone }',
      ],
    };
  }
  const problems: ValidationProblems = [];
  const timeZone = calendar.timeZone;
  if (
    !isNonEmptyString(timeZone) ||
    !DateTime.now().setZone(timeZone).isValid
  ) {
    problems.push(
      `spec.timeWindow[0].calendar.timeZone ${JSON.stringify(
        timeZone,
      )} is not an IANA time zone such as Europe/Berlin`,
    );
  }
  const startTime =
    problems.length === 0
      ? parseStartTime(calendar.startTime, timeZone as string)
      : undefined;
  if (problems.length === 0 && !startTime) {
    problems.push(
      `spec.timeWindow[0].calendar.startTime ${JSON.stringify(
        calendar.startTime,
      )} is not a time such as "2026-01-01 00:00:00"`,
    );
  }
  if (problems.length > 0 || !startTime) {
    return { problems };
  }
  return {
    value: {
      duration,
      durationText,
      isRolling,
      calendar: { startTime, timeZone: timeZone as string },
    },
    problems: [],
  };
}

function parseStartTime(value: unknown, zone: string): DateTime | undefined {
  if (value instanceof Date) {
    // YAML parses an unquoted timestamp as a date; its wall-clock reading is what was written.
    return DateTime.fromObject(
      {
        year: value.getUTCFullYear(),
        month: value.getUTCMonth() + 1,
        day: value.getUTCDate(),
        hour: value.getUTCHours(),
        minute: value.getUTCMinutes(),
        second: value.getUTCSeconds(),
      },
      { zone },
    );
  }
  if (!isNonEmptyString(value)) {
    return undefined;
  }
  for (const format of [
    'yyyy-MM-dd HH:mm:ss',
    'yyyy-MM-dd HH:mm',
    'yyyy-MM-dd',
  ]) {
    const parsed = DateTime.fromFormat(value.trim(), format, { zone });
    if (parsed.isValid) {
      return parsed;
    }
  }
  const iso = DateTime.fromISO(value.trim(), { zone });
  return iso.isValid ? iso : undefined;
}

function parseObjectives(
  objectives: unknown,
  timeslices: boolean,
): ParseResult<SloObjective[]> {
  if (!Array.isArray(objectives) || objectives.length === 0) {
    return { problems: ['spec.objectives must list at least one objective'] };
  }
  const problems: ValidationProblems = [];
  const parsed = objectives.map((objective, index) => {
    const field = `spec.objectives[${index}]`;
    if (!isRecord(objective)) {
      problems.push(`${field} must be an object`);
      return undefined;
    }
    const target = parseTarget(objective, field, problems);
    let timeSliceTarget: number | undefined;
    let timeSliceWindow: Duration | undefined;
    if (timeslices) {
      const sliceTarget = objective.timeSliceTarget;
      if (
        typeof sliceTarget !== 'number' ||
        !(sliceTarget > 0 && sliceTarget <= 1)
      ) {
        problems.push(
          `${field}.timeSliceTarget is required with Timeslices: the SLI a slice needs to be good, a number above 0 up to 1, got ${JSON.stringify(
            sliceTarget,
          )}`,
        );
      } else {
        timeSliceTarget = sliceTarget;
      }
      timeSliceWindow = parseOpenSloDuration(objective.timeSliceWindow);
      if (!timeSliceWindow || !isFixedLength(timeSliceWindow)) {
        problems.push(
          `${field}.timeSliceWindow is required with Timeslices: a duration such as 1m or 5m, got ${JSON.stringify(
            objective.timeSliceWindow,
          )}`,
        );
      }
    }
    if (target === undefined) {
      return undefined;
    }
    return {
      objectiveIndex: index,
      name: isNonEmptyString(objective.name) ? objective.name : undefined,
      displayName: isNonEmptyString(objective.displayName)
        ? objective.displayName
        : undefined,
      target,
      timeSliceTarget,
      timeSliceWindow,
    };
  });
  if (problems.length > 0) {
    return { problems };
  }
  return { value: parsed as SloObjective[], problems: [] };
}

function parseTarget(
  objective: Record<string, unknown>,
  field: string,
  problems: ValidationProblems,
): number | undefined {
  const { target, targetPercent } = objective;
  if (target === undefined && targetPercent === undefined) {
    problems.push(`${field} needs a target (e.g. 0.999) or a targetPercent`);
    return undefined;
  }
  if (target !== undefined) {
    if (typeof target !== 'number' || !(target >= 0 && target < 1)) {
      problems.push(
        `${field}.target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got ${JSON.stringify(
          target,
        )}`,
      );
      return undefined;
    }
    return target;
  }
  if (
    typeof targetPercent !== 'number' ||
    !(targetPercent >= 0 && targetPercent < 100)
  ) {
    problems.push(
      `${field}.targetPercent must be a number from 0 up to but excluding 100, got ${JSON.stringify(
        targetPercent,
      )}`,
    );
    return undefined;
  }
  return targetPercent / 100;
}
