import { assessChangeRisk, ChangeRiskFacts } from './assessChangeRisk';

const calm: ChangeRiskFacts = {
  title: 'Orders DB',
  releaseGate: 'ok',
  frozenDependents: [],
  warningDependents: [],
  hiddenDependents: [],
  openIncidents: [],
  otherOwners: ['Commerce'],
  ownersThreshold: 3,
  runbooks: 1,
  freshRunbooks: 1,
};

describe('assessChangeRisk', () => {
  it.each<[string, Partial<ChangeRiskFacts>, string, string]>([
    [
      'nothing to worry about',
      {},
      'low',
      'Nothing depending on Orders DB is frozen',
    ],
    [
      'its own budget spent',
      { releaseGate: 'freeze' },
      'high',
      'Orders DB has spent its error budget: its release gate says freeze.',
    ],
    [
      'a dependent frozen',
      { frozenDependents: ['Orders service'] },
      'high',
      '1 dependent has spent its error budget: Orders service.',
    ],
    [
      'an incident open on a dependent',
      { openIncidents: [{ id: 12, severity: 'SEV2', on: 'Orders service' }] },
      'high',
      'Incident 12 (SEV2) is open on Orders service.',
    ],
    [
      'three owners besides its own',
      { otherOwners: ['Commerce', 'Payments', 'Platform'] },
      'high',
      'The change reaches 3 owners besides its own (Commerce, Payments, Platform); 3 or more is a wide blast radius.',
    ],
    [
      'no runbook',
      { runbooks: 0, freshRunbooks: 0 },
      'medium',
      'Orders DB has no runbook to follow if the change fails.',
    ],
    [
      'runbooks never proven',
      { runbooks: 2, freshRunbooks: 0 },
      'medium',
      "None of Orders DB's 2 runbooks passed a recent drill: do not rely on them untested.",
    ],
    [
      'a dependent low on budget',
      { warningDependents: ['Web storefront'] },
      'medium',
      '1 dependent is low on error budget: Web storefront.',
    ],
    [
      'a hidden dependent',
      { hiddenDependents: ['Settlement batch'] },
      'medium',
      '1 dependent relies on it without declaring it (seen in traffic or incidents), so its owner does not expect the change: Settlement batch.',
    ],
  ])('%s → %s', async (_case, change, risk, reason) => {
    const verdict = assessChangeRisk({ ...calm, ...change });
    expect(verdict.risk).toBe(risk);
    expect(verdict.reasons[0]).toContain(reason);
  });

  it('gives every reason, the high ones first, and names at most three of each', () => {
    const verdict = assessChangeRisk({
      ...calm,
      hiddenDependents: ['A', 'B', 'C', 'D', 'E'],
      frozenDependents: ['F'],
    });
    expect(verdict).toEqual({
      risk: 'high',
      reasons: [
        '1 dependent has spent its error budget: F.',
        '5 dependents rely on it without declaring it (seen in traffic or incidents), so their owners do not expect the change: A, B, C and 2 more.',
      ],
    });
  });
});
