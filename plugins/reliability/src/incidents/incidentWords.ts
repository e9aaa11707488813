import {
  Incident,
  IncidentCause,
  IncidentMitigation,
  IncidentStatus,
  TimelineEntryKind,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { countOf } from '../shared/format';
import { formatLocal } from '../shared/formatTime';

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const CAUSE_LABELS: Record<IncidentCause, string> = {
  hardware: 'Hardware',
  network: 'Network',
  database: 'Database',
  code: 'Code',
  config: 'Configuration',
  capacity: 'Capacity',
  dependency: 'Dependency',
  test: 'Test',
  process: 'Process',
  unknown: 'Unknown',
};

export const MITIGATION_LABELS: Record<IncidentMitigation, string> = {
  rollback: 'Rollback',
  restart: 'Restart',
  scale: 'Scale out',
  hotfix: 'Hotfix',
  config: 'Configuration change',
  failover: 'Failover',
  other: 'Other',
};

export const TIMELINE_KIND_LABELS: Record<TimelineEntryKind, string> = {
  note: 'Note',
  action: 'Action',
  'status-change': 'Status change',
  alert: 'Alert',
  change: 'Change',
};

/** A span of minutes in words: "45 min", "2 h 5 min", "3 d 4 h". */
export function durationText(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  if (hours < 24) {
    const rest = whole % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? `${days} d` : `${days} d ${restHours} h`;
}

/** How long an incident has lasted: to its resolution, or until `now` while open ("ongoing"). */
export function incidentDuration(
  incident: Pick<Incident, 'startedAt' | 'resolvedAt'>,
  now: Date,
): string {
  const end = incident.resolvedAt
    ? Date.parse(incident.resolvedAt)
    : now.getTime();
  const text = durationText((end - Date.parse(incident.startedAt)) / 60_000);
  return incident.resolvedAt ? text : `${text}, ongoing`;
}

/**
 * Whether an incident's postmortem is written, to write (a resolved SEV1 or SEV2 without one;
 * the metrics call it overdue once `postmortemDueDays` have passed), or not asked for.
 */
export function postmortemState(
  incident: Incident,
): 'written' | 'to write' | 'not required' {
  if (incident.postmortem) return 'written';
  const serious = incident.severity === 'SEV1' || incident.severity === 'SEV2';
  return serious && incident.status === 'resolved'
    ? 'to write'
    : 'not required';
}

/** When to declare an incident: any one of these is enough. */
export const DECLARATION_QUESTIONS = [
  'It needs another team to fix',
  'Users are affected',
  'It is still unresolved after an hour of focused work',
];

export type NoticeEntity = {
  title: string;
  owner: string | null;
  /** Who is on call now; null when it could not be looked up. */
  onCall: string[] | null;
};

function noticeLine(entity: NoticeEntity): string {
  let onCall = 'not known';
  if (entity.onCall) {
    onCall = entity.onCall.length > 0 ? entity.onCall.join(', ') : 'nobody';
  }
  return `${entity.title}${
    entity.owner ? ` (${entity.owner})` : ''
  }: on call ${onCall}`;
}

/**
 * The first notice, sent at once with only what is known, like a fire alarm: what happened,
 * since when, what is affected and whose it is, where the response happens, how bad.
 */
export function firstNotice(
  incident: Pick<
    Incident,
    'id' | 'title' | 'severity' | 'startedAt' | 'channel' | 'status'
  >,
  entities: { root?: NoticeEntity; affected: NoticeEntity[] },
  link?: string,
): string {
  const { root, affected } = entities;
  const owners = [
    ...new Set(affected.flatMap(e => (e.owner ? [e.owner] : []))),
  ];
  const lines = [
    `${incident.severity} incident: ${incident.title}`,
    `Since: ${formatLocal(incident.startedAt)} (${STATUS_LABELS[
      incident.status
    ].toLocaleLowerCase('en-US')})`,
    ...(root ? [`Root cause: ${noticeLine(root)}`] : []),
    affected.length === 0
      ? 'Affected: not known yet'
      : `Affected: ${countOf(
          affected.length,
          'entity',
          'entities',
        )}, owned by ${
          owners.length === 0 ? 'nobody named' : owners.join(', ')
        }`,
    ...affected.map(e => `- ${noticeLine(e)}`),
    `Response channel: ${incident.channel ?? 'none given yet'}`,
  ];
  if (link) lines.push(`Incident ${incident.id}: ${link}`);
  return lines.join('\n');
}
