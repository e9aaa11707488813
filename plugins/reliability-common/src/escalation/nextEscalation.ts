import { EscalationResponse } from '../api';

/** One escalation step: a level, after how long, whom it pages. */
export type EscalationStep = {
  level: number;
  delayMinutes: number;
  /** The level's targets in words: a rotation, a person's or a team's name. */
  targets: string[];
  /** Users it reaches now. */
  users: string[];
};

/** Whom a responder escalates to after the first level. */
export type NextEscalation = {
  /** The first later level that reaches someone new; null when none does. */
  next: EscalationStep | null;
  /** Levels passed over: they reach only people the first level already pages. */
  skippedLevels: number[];
};

/**
 * The first level after level 1 that reaches someone level 1 does not already page; levels that
 * reach only the same people are passed over and listed, so a page can say so rather than offer
 * "escalate to Henry" while Henry is the one on call.
 */
export function nextEscalation(
  escalation: Pick<EscalationResponse, 'levels' | 'onCall'>,
): NextEscalation {
  const paged = new Set([
    ...escalation.onCall.filter(o => o.level === 1).map(o => o.userRef),
    ...escalation.levels
      .filter(l => l.level === 1)
      .flatMap(l => l.targets.flatMap(t => t.users)),
  ]);
  const skippedLevels: number[] = [];
  for (const level of escalation.levels.filter(l => l.level > 1)) {
    const users = [...new Set(level.targets.flatMap(t => t.users))];
    if (users.length > 0 && users.every(user => paged.has(user))) {
      skippedLevels.push(level.level);
      continue;
    }
    return {
      next: {
        level: level.level,
        delayMinutes: level.delayMinutes,
        targets: level.targets.map(t => t.displayName),
        users,
      },
      skippedLevels,
    };
  }
  return { next: null, skippedLevels };
}
