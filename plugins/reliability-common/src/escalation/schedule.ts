import { DateTime } from 'luxon';
import { assertInstant, locatePeriod } from '../time/locatePeriod';
import { scaleDuration } from '../time/scaleDuration';
import { Rotation, RotationOverride } from './policy';

/** Someone on call in a rotation from `from` until `until`. */
export type Shift = {
  rotation: string;
  userRef: string;
  from: Date;
  until: Date;
  /** True when an override put this person on call. */
  override: boolean;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The k-th handoff (0 is the first): `startDate` + `handoff` + k × `length`, in local time. */
function handoffAt(rotation: Rotation, k: number): DateTime {
  const first = DateTime.fromObject(
    {
      ...rotation.startDate,
      hour: Math.floor(rotation.handoff / 60),
      minute: rotation.handoff % 60,
    },
    { zone: rotation.timeZone },
  );
  // From the first handoff each time, so a daylight-saving change never shifts later handoffs
  // off their wall-clock time.
  return first.plus(scaleDuration(rotation.length, k));
}

/** Index of the turn containing `t`: handoff(k) ≤ t < handoff(k + 1); negative before the first. */
function turnAt(rotation: Rotation, t: Date): number {
  return locatePeriod(
    k => handoffAt(rotation, k).toMillis(),
    rotation.length.as('milliseconds'),
    t.getTime(),
  );
}

function memberOfTurn(rotation: Rotation, k: number): string {
  const n = rotation.members.length;
  return rotation.members[((k % n) + n) % n];
}

/** The rotation's own turns overlapping [from, to), before coverage and overrides. */
function turnsBetween(rotation: Rotation, from: Date, to: Date): Shift[] {
  const turns: Shift[] = [];
  const first = Math.max(0, turnAt(rotation, from));
  // A turn lasts more than half its nominal length (a day at least 23 hours, a month at least
  // 28 days), which bounds how many can start before `to`.
  const most =
    Math.ceil(
      (to.getTime() - from.getTime()) /
        (rotation.length.as('milliseconds') / 2),
    ) + 2;
  for (let k = first; k < first + most; k++) {
    const start = handoffAt(rotation, k).toJSDate();
    if (start >= to) break;
    turns.push({
      rotation: rotation.name,
      userRef: memberOfTurn(rotation, k),
      from: start,
      until: handoffAt(rotation, k + 1).toJSDate(),
      override: false,
    });
  }
  return turns;
}

/** The covered local hours overlapping [from, to), as instants. */
function coveredBetween(
  rotation: Rotation,
  from: Date,
  to: Date,
): Array<[number, number]> {
  const { coverage } = rotation;
  if (!coverage) {
    return [[from.getTime(), to.getTime()]];
  }
  const windows: Array<[number, number]> = [];
  let day = DateTime.fromJSDate(new Date(from.getTime() - DAY_MS), {
    zone: rotation.timeZone,
  }).startOf('day');
  const last = to.getTime() + DAY_MS;
  const at = (date: DateTime, minutes: number) =>
    date
      .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
      .toMillis();
  // Local days last at least 23 hours: this many start between the first and `last`.
  const days = Math.ceil((last - day.toMillis()) / (23 * HOUR_MS)) + 1;
  for (let i = 0; i < days && day.toMillis() <= last; i++) {
    const endDay = coverage.end <= coverage.start ? day.plus({ days: 1 }) : day;
    windows.push([at(day, coverage.start), at(endDay, coverage.end)]);
    day = day.plus({ days: 1 });
  }
  return windows;
}

/**
 * Who is on call in a rotation over [from, to): members take turns from the first handoff; with
 * `coverage`, only in those local hours; an override covering an instant wins for its
 * rotation (the latest `from` among overlapping ones, the last listed on a tie). Consecutive
 * shifts of the same person are merged. One sweep over the instants where who is on call may
 * change, so the work grows with their number, not its square.
 */
export function shiftsBetween(
  rotation: Rotation,
  overrides: RotationOverride[],
  from: Date,
  to: Date,
): Shift[] {
  assertInstant(from);
  assertInstant(to);
  const [fromMs, toMs] = [from.getTime(), to.getTime()];
  const ours = overrides
    .filter(
      o =>
        o.rotation === rotation.name &&
        o.from.getTime() < toMs &&
        o.until.getTime() > fromMs,
    )
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  // Both in time order: turns follow each other, covered windows are one a day.
  const turns = turnsBetween(rotation, from, to);
  const covered = coveredBetween(rotation, from, to);

  const cuts = new Set<number>([fromMs, toMs]);
  for (const turn of turns) {
    cuts.add(turn.from.getTime()).add(turn.until.getTime());
  }
  for (const [start, end] of covered) cuts.add(start).add(end);
  for (const o of ours) cuts.add(o.from.getTime()).add(o.until.getTime());
  const points = [...cuts]
    .filter(t => t >= fromMs && t <= toMs)
    .sort((a, b) => a - b);

  const shifts: Shift[] = [];
  let turnAtCut = 0;
  let coverAtCut = 0;
  let nextOverride = 0;
  let active: RotationOverride[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    while (
      turnAtCut < turns.length &&
      turns[turnAtCut].until.getTime() <= start
    ) {
      turnAtCut++;
    }
    while (coverAtCut < covered.length && covered[coverAtCut][1] <= start) {
      coverAtCut++;
    }
    while (
      nextOverride < ours.length &&
      ours[nextOverride].from.getTime() <= start
    ) {
      active.push(ours[nextOverride++]);
    }
    active = active.filter(o => o.until.getTime() > start);

    const turn = turns[turnAtCut];
    const cover = covered[coverAtCut];
    if (!turn || turn.from.getTime() > start || !cover || cover[0] > start) {
      continue;
    }
    const winner = active.reduce<RotationOverride | undefined>(
      (best, o) =>
        !best ||
        o.from.getTime() > best.from.getTime() ||
        (o.from.getTime() === best.from.getTime() && o.index > best.index)
          ? o
          : best,
      undefined,
    );
    const userRef = winner?.userRef ?? turn.userRef;
    const previous = shifts[shifts.length - 1];
    if (
      previous &&
      previous.userRef === userRef &&
      previous.override === Boolean(winner) &&
      previous.until.getTime() === start
    ) {
      previous.until = new Date(end);
    } else {
      shifts.push({
        rotation: rotation.name,
        userRef,
        from: new Date(start),
        until: new Date(end),
        override: Boolean(winner),
      });
    }
  }
  return shifts;
}

/**
 * Who is on call in a rotation at `at`, and from when until when that stays so; undefined
 * when nobody is (before the first handoff, or outside the covered hours).
 */
export function onCallAt(
  rotation: Rotation,
  overrides: RotationOverride[],
  at: Date,
): Shift | undefined {
  assertInstant(at);
  const longest = Math.max(
    rotation.length.as('milliseconds'),
    ...overrides.map(o => o.until.getTime() - o.from.getTime()),
  );
  const margin = longest + 2 * DAY_MS;
  const shifts = shiftsBetween(
    rotation,
    overrides,
    new Date(at.getTime() - margin),
    new Date(at.getTime() + margin),
  );
  return shifts.find(s => s.from <= at && at < s.until);
}

/** The next `count` handoffs after `at`: when each turn starts and whose it is. */
export function nextHandoffs(
  rotation: Rotation,
  at: Date,
  count: number,
): Array<{ at: Date; userRef: string }> {
  assertInstant(at);
  const k = Math.max(turnAt(rotation, at) + 1, 0);
  return Array.from({ length: count }, (_, i) => ({
    at: handoffAt(rotation, k + i).toJSDate(),
    userRef: memberOfTurn(rotation, k + i),
  }));
}
