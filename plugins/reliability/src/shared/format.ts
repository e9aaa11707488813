/** A fraction as a percentage with up to `digits` decimals: 0.99953 → "99.95%". */
export function formatPercent(value: number, digits = 2): string {
  return `${Number((value * 100).toFixed(digits))}%`;
}

/**
 * How many decimals, from `digits` up to 4, `value` needs so that, shown with them, it lies on
 * the same side of each of `thresholds` as it really does (or on it, only when it is on it).
 */
function digitsKeepingSides(
  value: number,
  thresholds: number[],
  digits: number,
): number {
  const sameSides = (d: number) => {
    const shown = Number(value.toFixed(d));
    return thresholds.every(t => Math.sign(shown - t) === Math.sign(value - t));
  };
  let needed = digits;
  while (needed < 4 && !sameSides(needed)) needed++;
  return needed;
}

/**
 * The error budget left, the one way every page writes it: "62% left". Whole percents, except
 * that a value between -1% and 1% keeps one decimal, and more if it takes them never to read
 * as none: a sliver left is "0.04% left", a sliver overspent "-0.04% left", never "0% left".
 */
export function formatBudgetLeft(remaining: number): string {
  const percent = remaining * 100;
  const digits = percent !== 0 && Math.abs(percent) < 1 ? 1 : 0;
  return `${formatPercent(
    remaining,
    digitsKeepingSides(percent, [0], digits),
  )} left`;
}

/**
 * A multiple of a sustainable rate ("4.2×"), with one decimal below 10 and none above, or more
 * where fewer would turn a comparison with one of `thresholds` around: 5.97 against 6 is
 * "5.97×", never "6.0×" beside an alert saying "> 6×: not firing".
 */
export function formatMultiple(value: number, thresholds: number[] = []) {
  const digits = digitsKeepingSides(value, thresholds, value < 10 ? 1 : 0);
  return `${value.toFixed(digits)}×`;
}

/** A count with its noun, singular or plural: "1 team", "3 teams". */
export function countOf(n: number, singular: string, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
