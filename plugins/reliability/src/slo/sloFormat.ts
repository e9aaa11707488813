import { SloItem } from '@reliability-suite/backstage-plugin-reliability-common';

/** The SLO window in words: "28-day", "monthly". */
export function windowLabel(timeWindow: SloItem['timeWindow']): string {
  if (!timeWindow.isRolling) {
    const calendar: Record<string, string> = {
      '1d': 'daily',
      '1w': 'weekly',
      '1M': 'monthly',
      '1Q': 'quarterly',
      '1y': 'yearly',
    };
    return calendar[timeWindow.duration] ?? `${timeWindow.duration} calendar`;
  }
  const match = /^(\d+)([mhdw])$/.exec(timeWindow.duration);
  const units: Record<string, string> = {
    m: 'minute',
    h: 'hour',
    d: 'day',
    w: 'week',
  };
  return match ? `${match[1]}-${units[match[2]]}` : timeWindow.duration;
}
