import type { Locator, Page } from 'playwright-core';

/** The channels of a CSS rgb()/rgba() colour, alpha 1 when it has none. */
function channels(css: string): [number, number, number, number] {
  const [r, g, b, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a];
}

/**
 * WCAG contrast ratio of two CSS colours. A translucent foreground (a theme's secondary text) is
 * first blended over the background, as the browser draws it.
 */
export function contrastRatio(foreground: string, background: string): number {
  const [br, bg, bb] = channels(background);
  const [fr, fg, fb, alpha] = channels(foreground);
  const blend = (f: number, b: number) => f * alpha + b * (1 - alpha);
  const luminance = ([r, g, b]: number[]) => {
    const linear = (c: number) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const [lighter, darker] = [
    luminance([blend(fr, br), blend(fg, bg), blend(fb, bb)]),
    luminance([br, bg, bb]),
  ].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** Each graph text's fill and the fill of the box drawn behind it. */
export async function graphTextColours(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg g text')].map(text => {
      const box = text.parentElement?.querySelector('rect');
      return {
        text: text.textContent ?? '',
        fill: getComputedStyle(text).fill,
        background: box ? getComputedStyle(box).fill : '',
      };
    }),
  );
}

/** Graph nodes whose box is not wholly inside the graph's drawing. */
export async function nodesOutsideGraph(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nodes = [
      ...document.querySelectorAll('[data-testid=dependency-node]'),
    ];
    const svg = nodes[0]?.closest('svg')?.getBoundingClientRect();
    if (!svg) return ['no graph'];
    return nodes
      .filter(node => {
        const box = node.getBoundingClientRect();
        return (
          box.width === 0 ||
          box.top < svg.top - 0.5 ||
          box.left < svg.left - 0.5 ||
          box.bottom > svg.bottom + 0.5 ||
          box.right > svg.right + 0.5
        );
      })
      .map(node => node.textContent ?? '');
  });
}

/**
 * Whether the graph's own entity is wholly in view in the box the graph scrolls in: on a narrow
 * screen the graph is wider than its card, and the entity and its neighbours must not start
 * out of sight.
 */
export async function rootNodeInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.querySelector(
      '[data-testid=dependency-node][data-root]',
    );
    let box = root?.parentElement;
    while (box && box.scrollWidth <= box.clientWidth) box = box.parentElement;
    if (!root || !box) return false;
    const node = root.getBoundingClientRect();
    const visible = box.getBoundingClientRect();
    return node.left >= visible.left && node.right <= visible.right;
  });
}

/**
 * Table cells narrower than the longest word they hold, measured with the cell's own font: a
 * column squeezed until its words break or spill.
 */
export async function cellsNarrowerThanTheirWords(
  page: Page,
): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const problems: string[] = [];
    for (const cell of document.querySelectorAll('td, th')) {
      const style = getComputedStyle(cell);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const inner =
        cell.clientWidth -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight);
      const words = (cell as HTMLElement).innerText
        .split(/\s+/)
        .filter(Boolean);
      for (const word of words) {
        if (canvas.measureText(word).width > inner + 1) {
          problems.push(`"${word}" in a ${Math.round(inner)} px cell`);
          break;
        }
      }
    }
    return problems;
  });
}

/** Elements whose text runs past their box instead of wrapping. */
export async function overflowing(locator: Locator): Promise<string[]> {
  return locator.evaluateAll(elements =>
    elements
      .filter(element => element.scrollWidth > element.clientWidth + 1)
      .map(element => (element.textContent ?? '').slice(0, 80)),
  );
}
