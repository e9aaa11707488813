import {
  ChangeRiskLevel,
  ReleaseGateState,
} from '@reliability-suite/backstage-plugin-reliability-common';

/** What the verdict is made of, counted and named. */
export type ChangeRiskFacts = {
  title: string;
  releaseGate: ReleaseGateState;
  frozenDependents: string[];
  warningDependents: string[];
  hiddenDependents: string[];
  openIncidents: Array<{ id: number; severity: string; on: string }>;
  /** Owners reached besides the entity's own. */
  otherOwners: string[];
  ownersThreshold: number;
  runbooks: number;
  freshRunbooks: number;
};

const names = (titles: string[]) =>
  titles.length <= 3
    ? titles.join(', ')
    : `${titles.slice(0, 3).join(', ')} and ${titles.length - 3} more`;

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * The change-risk verdict and its reasons, worst first, one plain sentence each. High: the
 * entity or a dependent is frozen, an incident is open on it or a dependent, or the change
 * reaches `ownersThreshold` owners besides its own. Medium: no fresh runbook, a dependent in
 * warning, or a hidden dependent. Low otherwise.
 */
export function assessChangeRisk(facts: ChangeRiskFacts): {
  risk: ChangeRiskLevel;
  reasons: string[];
} {
  const high: string[] = [];
  const medium: string[] = [];
  if (facts.releaseGate === 'freeze') {
    high.push(
      `${facts.title} has spent its error budget: its release gate says freeze.`,
    );
  }
  if (facts.frozenDependents.length > 0) {
    high.push(
      `${plural(
        facts.frozenDependents.length,
        'dependent has spent its',
        'dependents have spent their',
      )} error budget: ${names(facts.frozenDependents)}.`,
    );
  }
  if (facts.openIncidents.length > 0) {
    const [first] = facts.openIncidents;
    high.push(
      facts.openIncidents.length === 1
        ? `Incident ${first.id} (${first.severity}) is open on ${first.on}.`
        : `${
            facts.openIncidents.length
          } incidents are open on it or its dependents (incidents ${names(
            facts.openIncidents.map(i => String(i.id)),
          )}).`,
    );
  }
  if (facts.otherOwners.length >= facts.ownersThreshold) {
    high.push(
      `The change reaches ${plural(
        facts.otherOwners.length,
        'owner',
        'owners',
      )} besides its own (${names(facts.otherOwners)}); ${
        facts.ownersThreshold
      } or more is a wide blast radius.`,
    );
  }
  if (facts.runbooks === 0) {
    medium.push(`${facts.title} has no runbook to follow if the change fails.`);
  } else if (facts.freshRunbooks === 0) {
    medium.push(
      facts.runbooks === 1
        ? `${facts.title}'s runbook has not passed a recent drill: do not rely on it untested.`
        : `None of ${facts.title}'s ${facts.runbooks} runbooks passed a recent drill: do not rely on them untested.`,
    );
  }
  if (facts.warningDependents.length > 0) {
    medium.push(
      `${plural(
        facts.warningDependents.length,
        'dependent is',
        'dependents are',
      )} low on error budget: ${names(facts.warningDependents)}.`,
    );
  }
  if (facts.hiddenDependents.length > 0) {
    medium.push(
      `${plural(
        facts.hiddenDependents.length,
        'dependent relies',
        'dependents rely',
      )} on it without declaring it (seen in traffic or incidents), so ${
        facts.hiddenDependents.length === 1
          ? 'its owner does'
          : 'their owners do'
      } not expect the change: ${names(facts.hiddenDependents)}.`,
    );
  }
  if (high.length > 0) return { risk: 'high', reasons: [...high, ...medium] };
  if (medium.length > 0) return { risk: 'medium', reasons: medium };
  return {
    risk: 'low',
    reasons: [
      `Nothing depending on ${facts.title} is frozen, warned, hidden or in an open incident, and its runbooks are drilled.`,
    ],
  };
}
