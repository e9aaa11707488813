import { countOf, formatBudgetLeft, formatMultiple } from './format';

describe('formatBudgetLeft', () => {
  it.each([
    [0.7699, '77% left'],
    [0.25, '25% left'],
    [1, '100% left'],
    // A sliver keeps a decimal, so it never reads as spent, nor as a whole percent more.
    [0.004, '0.4% left'],
    [-0.004, '-0.4% left'],
    [0, '0% left'],
    // However thin, a sliver is never shown as none, on either side.
    [0.000004, '0.0004% left'],
    [-0.000004, '-0.0004% left'],
    // Spent budgets read the same on the card, in the chart and in tables.
    [-1.2004, '-120% left'],
    [-1.195, '-120% left'],
  ])('%p → %p', (remaining, text) => {
    expect(formatBudgetLeft(remaining)).toBe(text);
  });
});

describe('formatMultiple', () => {
  it.each([
    [4.2, [], '4.2×'],
    [14.4, [], '14×'],
    [0.4, [14.4, 6, 3, 1], '0.4×'],
    // Below a threshold it must not round up to it...
    [5.97, [6], '5.97×'],
    [5.9999, [6], '5.9999×'],
    // ...nor at it reach past it, nor above it round down to it.
    [6, [6], '6.0×'],
    [6.04, [6], '6.04×'],
    [14.43, [14.4], '14.43×'],
    [8, [14.4, 6, 3, 1], '8.0×'],
  ])('%p against %p → %p', (value, thresholds, text) => {
    expect(formatMultiple(value, thresholds)).toBe(text);
  });
});

describe('countOf', () => {
  it.each([
    [0, 'entity', 'entities', '0 entities'],
    [1, 'entity', 'entities', '1 entity'],
    [2, 'entity', 'entities', '2 entities'],
    [1, 'team', undefined, '1 team'],
    [3, 'team', undefined, '3 teams'],
  ])('%p %p → %p', (n, singular, plural, text) => {
    expect(countOf(n, singular, plural)).toBe(text);
  });
});
