import { ChangeRiskReport } from '@reliability-suite/backstage-plugin-reliability-common';
import { blocks } from './gate';

const report = (
  risk: ChangeRiskReport['risk'],
  releaseGate: ChangeRiskReport['releaseGate'],
) => ({ risk, releaseGate } as ChangeRiskReport);

describe('blocks', () => {
  it.each([
    ['low', 'freeze', true],
    ['medium', 'freeze', true],
    ['high', 'ok', true],
    ['medium', 'warning', false],
    ['low', 'no-slos', false],
  ] as const)('risk %s with release gate %s → %s', (risk, gate, stops) => {
    expect(blocks(report(risk, gate))).toBe(stops);
  });
});
