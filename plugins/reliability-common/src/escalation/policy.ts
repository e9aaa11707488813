import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { DateTime, Duration } from 'luxon';
import { isNonEmptyString, isRecord, ValidationProblems } from '../validation';
import { ParseResult } from '../slo/definition';

// A rotation's turn and an override each last at most this long (a leap year).
const MAX_SPAN_DAYS = 366;
const DAY_MS = 86_400_000;

/** A local wall-clock time, in minutes after midnight. */
type LocalMinutes = number;

/** Members take turns, one per `length`, handing over at `handoff` local time. */
export type Rotation = {
  name: string;
  timeZone: string;
  length: Duration;
  handoff: LocalMinutes;
  /** The first handoff's date in `timeZone`. */
  startDate: { year: number; month: number; day: number };
  /** User entity refs, in turn order. */
  members: string[];
  /** Only these local hours are covered (follow-the-sun); `end <= start` runs past midnight. */
  coverage?: { start: LocalMinutes; end: LocalMinutes; text: string };
};

export type RotationOverride = {
  rotation: string;
  userRef: string;
  from: Date;
  until: Date;
  /** Position in `spec.overrides`: among overrides with the same `from`, the last listed wins. */
  index: number;
};

export type EscalationTarget =
  | { type: 'rotation'; ref: string }
  | { type: 'user'; ref: string }
  | { type: 'group'; ref: string };

export type EscalationLevelDefinition = {
  /** 1 for the first level. */
  level: number;
  delayMinutes: number;
  targets: EscalationTarget[];
};

export type EscalationPolicyDefinition = {
  ownerRef: string;
  rotations: Rotation[];
  overrides: RotationOverride[];
  levels: EscalationLevelDefinition[];
  contacts: Record<string, string>;
};

const HH_MM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

function parseLocalTime(text: unknown): LocalMinutes | undefined {
  const match = typeof text === 'string' ? HH_MM.exec(text.trim()) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function entityRef(
  text: unknown,
  kind: 'user' | 'group',
  namespace: string,
): string | undefined {
  if (!isNonEmptyString(text)) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(text.trim(), {
      defaultKind: kind,
      defaultNamespace: namespace,
    });
    return ref.kind.toLocaleLowerCase('en-US') === kind
      ? stringifyEntityRef(ref)
      : undefined;
  } catch {
    return undefined;
  }
}

function isValidZone(zone: unknown): zone is string {
  return isNonEmptyString(zone) && DateTime.now().setZone(zone).isValid;
}

/**
 * Reads a `reliability.io/v1alpha1` `EscalationPolicy` spec, naming every problem that would
 * make its schedule wrong: unknown rotations in levels or overrides, invalid time zones, bad
 * durations or times, rotations without members.
 */
export function parseEscalationPolicySpec(
  spec: unknown,
  namespace = 'default',
): ParseResult<EscalationPolicyDefinition> {
  if (!isRecord(spec)) {
    return { problems: ['spec must be an object'] };
  }
  const problems: ValidationProblems = [];
  const ownerRef = entityRef(spec.owner, 'group', namespace);
  if (!ownerRef) {
    problems.push(
      'spec.owner must name the group the policy belongs to, e.g. "group:default/payments"',
    );
  }

  const rotations: Rotation[] = [];
  if (spec.rotations !== undefined && !Array.isArray(spec.rotations)) {
    problems.push('spec.rotations must be a list');
  }
  (Array.isArray(spec.rotations) ? spec.rotations : []).forEach((raw, i) => {
    const rotation = parseRotation(
      raw,
      `spec.rotations[${i}]`,
      namespace,
      problems,
    );
    if (rotation) {
      if (rotations.some(r => r.name === rotation.name)) {
        problems.push(
          `spec.rotations[${i}].name "${rotation.name}" is used twice`,
        );
      }
      rotations.push(rotation);
    }
  });
  const rotationNames = new Set(
    (Array.isArray(spec.rotations) ? spec.rotations : [])
      .map(r => (isRecord(r) ? r.name : undefined))
      .filter(isNonEmptyString),
  );

  const overrides: RotationOverride[] = [];
  if (spec.overrides !== undefined && !Array.isArray(spec.overrides)) {
    problems.push('spec.overrides must be a list');
  }
  (Array.isArray(spec.overrides) ? spec.overrides : []).forEach(
    (raw, index) => {
      const field = `spec.overrides[${index}]`;
      if (!isRecord(raw)) {
        problems.push(`${field} must be an object`);
        return;
      }
      if (!isNonEmptyString(raw.rotation) || !rotationNames.has(raw.rotation)) {
        problems.push(
          `${field}.rotation ${JSON.stringify(
            raw.rotation,
          )} is not a rotation of this policy`,
        );
      }
      const userRef = entityRef(raw.user, 'user', namespace);
      if (!userRef) {
        problems.push(
          `${field}.user must be a user, e.g. "user:default/carol"`,
        );
      }
      const from = parseInstant(raw.from);
      const until = parseInstant(raw.until);
      if (!from || !until) {
        problems.push(
          `${field}.from and .until must be ISO-8601 times with an offset`,
        );
      } else if (until <= from) {
        problems.push(`${field}.until must be after from`);
      } else if (until.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) {
        problems.push(
          `${field} lasts more than a year: change the rotation's members instead`,
        );
      }
      if (userRef && from && until && isNonEmptyString(raw.rotation)) {
        overrides.push({ rotation: raw.rotation, userRef, from, until, index });
      }
    },
  );

  const levels: EscalationLevelDefinition[] = [];
  if (!Array.isArray(spec.levels) || spec.levels.length === 0) {
    problems.push('spec.levels must list at least one escalation level');
  } else {
    spec.levels.forEach((raw, i) => {
      const field = `spec.levels[${i}]`;
      if (
        !isRecord(raw) ||
        !Array.isArray(raw.targets) ||
        raw.targets.length === 0
      ) {
        problems.push(`${field}.targets must list at least one target`);
        return;
      }
      const delayMinutes = raw.delayMinutes ?? 0;
      if (typeof delayMinutes !== 'number' || !(delayMinutes >= 0)) {
        problems.push(
          `${field}.delayMinutes must be a number of minutes, 0 or more`,
        );
      }
      const targets: EscalationTarget[] = [];
      raw.targets.forEach((target, j) => {
        const parsed = parseTarget(target, namespace);
        if (!parsed) {
          problems.push(
            `${field}.targets[${j}] ${JSON.stringify(
              target,
            )} is not rotation:<name>, user:<ref> or group:<ref>`,
          );
        } else if (
          parsed.type === 'rotation' &&
          !rotationNames.has(parsed.ref)
        ) {
          problems.push(
            `${field}.targets[${j}] names the rotation "${parsed.ref}", which this policy does not define`,
          );
        } else {
          targets.push(parsed);
        }
      });
      levels.push({
        level: i + 1,
        delayMinutes: Number(delayMinutes),
        targets,
      });
    });
  }

  const contacts: Record<string, string> = {};
  if (spec.contacts !== undefined) {
    if (!isRecord(spec.contacts)) {
      problems.push(
        'spec.contacts must map a channel to an address, e.g. { slack: "#payments-oncall" }',
      );
    } else {
      for (const [channel, address] of Object.entries(spec.contacts)) {
        if (typeof address === 'string') {
          contacts[channel] = address;
        } else {
          problems.push(`spec.contacts.${channel} must be text`);
        }
      }
    }
  }

  if (problems.length > 0 || !ownerRef) {
    return { problems };
  }
  return {
    value: { ownerRef, rotations, overrides, levels, contacts },
    problems: [],
  };
}

function parseRotation(
  raw: unknown,
  field: string,
  namespace: string,
  problems: ValidationProblems,
): Rotation | undefined {
  if (!isRecord(raw)) {
    problems.push(`${field} must be an object`);
    return undefined;
  }
  const before = problems.length;
  if (!isNonEmptyString(raw.name) || raw.name.includes(':')) {
    problems.push(`${field}.name is required, e.g. "primary"`);
  }
  if (!isValidZone(raw.timeZone)) {
    problems.push(
      `${field}.timeZone ${JSON.stringify(
        raw.timeZone,
      )} is not an IANA time zone such as Asia/Seoul`,
    );
  }
  const length = isNonEmptyString(raw.length)
    ? Duration.fromISO(raw.length)
    : undefined;
  if (!length?.isValid || !(length.as('minutes') > 0)) {
    problems.push(
      `${field}.length ${JSON.stringify(
        raw.length,
      )} is not an ISO-8601 duration such as P1D, P1W or P2W`,
    );
  } else if (length.as('hours') < 1 || length.as('days') > MAX_SPAN_DAYS) {
    // Who is on call is worked out turn by turn: a bound on the turns bounds that work.
    problems.push(
      `${field}.length ${JSON.stringify(
        raw.length,
      )} must be at least an hour (PT1H) and at most a year (P1Y)`,
    );
  }
  const handoff = parseLocalTime(raw.handoff);
  if (handoff === undefined) {
    problems.push(
      `${field}.handoff ${JSON.stringify(
        raw.handoff,
      )} is not a local time such as "10:00"`,
    );
  }
  const startText =
    raw.startDate instanceof Date
      ? raw.startDate.toISOString().slice(0, 10)
      : raw.startDate;
  const start = isNonEmptyString(startText)
    ? DateTime.fromFormat(startText, 'yyyy-MM-dd', { zone: 'UTC' })
    : undefined;
  if (!start?.isValid) {
    problems.push(
      `${field}.startDate ${JSON.stringify(
        raw.startDate,
      )} is not a date such as 2026-01-05`,
    );
  }
  const members = Array.isArray(raw.members)
    ? raw.members.map(m => entityRef(m, 'user', namespace))
    : [];
  if (members.length === 0) {
    problems.push(`${field}.members must list at least one user`);
  } else if (members.some(m => !m)) {
    problems.push(`${field}.members must be users, e.g. "user:default/alice"`);
  }
  let coverage: Rotation['coverage'];
  if (raw.coverage !== undefined) {
    const [from, to] =
      typeof raw.coverage === 'string' ? raw.coverage.split('-') : [];
    const startMinutes = parseLocalTime(from);
    const endMinutes = parseLocalTime(to);
    if (
      startMinutes === undefined ||
      endMinutes === undefined ||
      startMinutes === endMinutes
    ) {
      problems.push(
        `${field}.coverage ${JSON.stringify(
          raw.coverage,
        )} is not local hours such as "09:00-21:00"`,
      );
    } else {
      coverage = {
        start: startMinutes,
        end: endMinutes,
        text: raw.coverage as string,
      };
    }
  }
  if (problems.length > before) {
    return undefined;
  }
  return {
    name: raw.name as string,
    timeZone: raw.timeZone as string,
    length: length!,
    handoff: handoff!,
    startDate: { year: start!.year, month: start!.month, day: start!.day },
    members: members as string[],
    coverage,
  };
}

function parseTarget(
  target: unknown,
  namespace: string,
): EscalationTarget | undefined {
  if (!isNonEmptyString(target)) {
    return undefined;
  }
  const text = target.trim();
  if (text.startsWith('rotation:')) {
    const name = text.slice('rotation:'.length);
    return name ? { type: 'rotation', ref: name } : undefined;
  }
  const kind = text.split(':')[0].toLocaleLowerCase('en-US');
  if (kind !== 'user' && kind !== 'group') {
    return undefined;
  }
  const ref = entityRef(text, kind, namespace);
  return ref ? { type: kind, ref } : undefined;
}

function parseInstant(value: unknown): Date | undefined {
  if (value instanceof Date) {
    return value;
  }
  if (!isNonEmptyString(value)) {
    return undefined;
  }
  const parsed = DateTime.fromISO(value.trim(), { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}
