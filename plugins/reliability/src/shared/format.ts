/** A fraction as a percentage with up to `digits` decimals: 0.99953 → "99.95%". */
export function formatPercent(value: number, digits = 2): string {
  return `${Number((value * 100).toFixed(digits))}%`;
}

/** A count with its noun, singular or plural: "1 team", "3 teams". */
export function countOf(n: number, singular: string, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
