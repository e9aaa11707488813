import { computeIncidentMetrics } from './incidentMetrics';
import { IncidentMeasure } from './IncidentStore';

const now = new Date('2026-12-01T00:00:00Z');

/** An incident on `day` of November, its times in minutes after the start (null: unknown). */
function incident(
  id: number,
  fields: Pick<IncidentMeasure, 'severity' | 'cause' | 'status'> & {
    day: number;
    detected?: number;
    declared?: number;
    mitigated?: number;
    resolved?: number;
    hasPostmortem?: boolean;
    openActionItems?: number;
  },
): IncidentMeasure {
  const start = Date.UTC(2026, 10, fields.day, 10);
  const at = (minutes?: number) =>
    minutes === undefined
      ? null
      : new Date(start + minutes * 60_000).toISOString();
  return {
    id,
    severity: fields.severity,
    cause: fields.cause,
    status: fields.status,
    startedAt: new Date(start).toISOString(),
    detectedAt: at(fields.detected),
    declaredAt: at(fields.declared),
    mitigatedAt: at(fields.mitigated),
    resolvedAt: at(fields.resolved),
    hasPostmortem: fields.hasPostmortem ?? false,
    openActionItems: fields.openActionItems ?? 0,
  };
}

// Worked by hand:
// detect  A 10, B 20, C 30, D 5         → sorted 5 10 20 30: median 15, mean 16.25
// ack     A 5, B 1, C 15                → sorted 1 5 15: median 5, mean 7
// mitigate A 40, B 60, C 50             → median 50, mean 50
// resolve A 120, B 180, C 90, E 10      → sorted 10 90 120 180: median 105, mean 100
const incidents = [
  // SEV1, resolved on the 20th, ten days ago, without a postmortem: missing.
  incident(1, {
    severity: 'SEV1',
    cause: 'database',
    status: 'resolved',
    day: 20,
    detected: 10,
    declared: 15,
    mitigated: 40,
    resolved: 120,
  }),
  incident(2, {
    severity: 'SEV2',
    cause: 'code',
    status: 'resolved',
    day: 10,
    detected: 20,
    declared: 21,
    mitigated: 60,
    resolved: 180,
    hasPostmortem: true,
    openActionItems: 2,
  }),
  // SEV2 resolved two days ago: its postmortem is not due yet.
  incident(3, {
    severity: 'SEV2',
    cause: 'config',
    status: 'resolved',
    day: 29,
    detected: 30,
    declared: 45,
    mitigated: 50,
    resolved: 90,
  }),
  incident(4, {
    severity: 'SEV3',
    cause: 'network',
    status: 'investigating',
    day: 30,
    detected: 5,
    openActionItems: 1,
  }),
  // SEV4, never detected: counts for resolve only, and needs no postmortem.
  incident(5, {
    severity: 'SEV4',
    cause: 'unknown',
    status: 'resolved',
    day: 1,
    resolved: 10,
  }),
];

describe('computeIncidentMetrics', () => {
  it('matches the values worked by hand', () => {
    expect(
      computeIncidentMetrics(incidents, { now, postmortemDueDays: 5 }),
    ).toEqual({
      count: 5,
      bySeverity: { SEV1: 1, SEV2: 2, SEV3: 1, SEV4: 1 },
      byCause: {
        hardware: 0,
        network: 1,
        database: 1,
        code: 1,
        config: 1,
        capacity: 0,
        dependency: 0,
        test: 0,
        process: 0,
        unknown: 1,
      },
      mttd: { median: 15, mean: 16.25, count: 4 },
      mtta: { median: 5, mean: 7, count: 3 },
      mttm: { median: 50, mean: 50, count: 3 },
      mttr: { median: 105, mean: 100, count: 4 },
      openActionItems: 3,
      postmortemsMissing: 1,
    });
  });

  it('counts a postmortem as missing once its due days have passed', () => {
    expect(
      computeIncidentMetrics(incidents, { now, postmortemDueDays: 1 })
        .postmortemsMissing,
    ).toBe(2);
  });

  it('has no times and no counts without incidents', () => {
    const empty = computeIncidentMetrics([], { now, postmortemDueDays: 5 });
    expect(empty.count).toBe(0);
    expect(empty.mttr).toEqual({ median: null, mean: null, count: 0 });
  });
});
