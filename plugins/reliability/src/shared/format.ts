/** A fraction as a percentage with up to `digits` decimals: 0.99953 → "99.95%". */
export function formatPercent(value: number, digits = 2): string {
  return `${Number((value * 100).toFixed(digits))}%`;
}

/**
 * The error budget left, the one way every page writes it: "62% left". Whole percents, except
 * that a value between -1% and 1% keeps one decimal, so that a sliver left never reads as
 * spent ("0.4% left", not "0% left").
 */
export function formatBudgetLeft(remaining: number): string {
  const percent = remaining * 100;
  const digits = percent !== 0 && Math.abs(percent) < 1 ? 1 : 0;
  return `${formatPercent(remaining, digits)} left`;
}

/**
 * A multiple of a sustainable rate ("4.2×"), with one decimal below 10 and none above, or more
 * where fewer would turn a comparison with one of `thresholds` around: 5.97 against 6 is
 * "5.97×", never "6.0×" beside an alert saying "> 6×: not firing".
 */
export function formatMultiple(value: number, thresholds: number[] = []) {
  const sameSide = (digits: number) => {
    const shown = Number(value.toFixed(digits));
    return thresholds.every(t => Math.sign(shown - t) === Math.sign(value - t));
  };
  let digits = value < 10 ? 1 : 0;
  while (digits < 4 && !sameSide(digits)) digits++;
  return `${value.toFixed(digits)}×`;
}

/** A count with its noun, singular or plural: "1 team", "3 teams". */
export function countOf(n: number, singular: string, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
