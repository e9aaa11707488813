import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startBackend, type RunningBackend } from './backend.ts';
import { launchChromium } from './browser.ts';
import { screenshot, signIn, visit } from './portal.ts';
import {
  cellsNarrowerThanTheirWords,
  contrastRatio,
  graphTextColours,
  nodesOutsideGraph,
  rootNodeInView,
  overflowing,
} from './layout.ts';

let backend: RunningBackend;
let browser: Browser;

const WIDE = { width: 1400, height: 1000 };
const NARROW = { width: 800, height: 1000 };

/** A signed-in page at `viewport`, in the light or the dark theme. */
async function openPage(
  viewport: { width: number; height: number },
  theme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.addInitScript(`window.localStorage.setItem('theme', '${theme}')`);
  await signIn(page, backend.baseUrl);
  return page;
}

const reliabilityTab = '/catalog/default/component/orders-service/reliability';
// The strip is complete once it names the error budget's verdict.
const stripReady =
  'section[aria-label="Responder summary"] >> text=/error budget has|is spent/';

describe('what a responder sees, in Chromium', { timeout: 900_000 }, () => {
  before(async () => {
    backend = await startBackend();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  for (const [name, viewport] of [
    ['wide', WIDE],
    ['narrow', NARROW],
  ] as const) {
    it(`answers owner, on call until when, whom next, how to reach them and the budget above the fold (${name})`, async () => {
      const page = await openPage(viewport);
      await visit(page, backend.baseUrl, reliabilityTab, stripReady);
      const strip = page.getByRole('region', {
        name: 'Responder summary',
      });
      await strip.getByText(/until/).first().waitFor();
      const text = await strip.innerText();
      assert.match(text, /OWNER\s+Commerce/);
      assert.match(text, /ON CALL NOW\s+\S.* until \w{3} \d+ \w{3}, \d\d:\d\d/);
      assert.match(text, /ESCALATE NEXT\s+.+ after \d+ minutes/);
      assert.match(text, /REACH THEM\s+slack: #/);
      // The demo's orders service burns its budget: the strip says which alert says so.
      assert.match(
        text,
        /ERROR BUDGET\s+Warning\s+Orders availability: The page alert 6h\/30m is firing, burning [\d.]+× the sustainable rate; the 28-day error budget has \d+% left/,
      );
      const box = (await strip.boundingBox())!;
      assert.ok(
        box.y + box.height <= viewport.height,
        `the strip ends at ${box.y + box.height} px, below the ${
          viewport.height
        } px window`,
      );
      assert.deepEqual(await overflowing(strip.locator('div')), []);
      await screenshot(page, `reliability-tab-${name}`);
      await page.close();
    });
  }

  for (const [entity, hiddenTitle] of [
    ['component/orders-service', 'Config service'],
    ['resource/shared-test-db', 'Settlement batch'],
  ] as const) {
    it(`draws every node of ${entity}'s graph inside it, readable in the dark theme`, async () => {
      for (const theme of ['light', 'dark'] as const) {
        const page = await openPage(WIDE, theme);
        await visit(
          page,
          backend.baseUrl,
          `/catalog/default/${entity}/dependencies`,
          `[data-testid=dependency-node] >> text="${hiddenTitle}"`,
        );
        await page.getByTestId('dependency-edge-hidden').first().waitFor();
        // The layout settles once every box has been measured.
        await page.waitForTimeout(1_000);
        assert.deepEqual(await nodesOutsideGraph(page), []);
        for (const { text, fill, background } of await graphTextColours(page)) {
          const ratio = contrastRatio(fill, background);
          assert.ok(
            ratio >= 4.5,
            `"${text}" (${fill} on ${background}) contrasts ${ratio.toFixed(
              2,
            )}:1 in the ${theme} theme`,
          );
        }
        await screenshot(page, `dependencies-${entity.split('/')[1]}-${theme}`);
        await page.close();
      }
    });
  }

  it('keeps every table cell as wide as its words, every verdict and lookup answer whole at 800 px', async () => {
    const page = await openPage(NARROW);
    const pages: Array<[string, string, string]> = [
      [
        'dependencies-narrow',
        '/catalog/default/component/orders-service/dependencies',
        'section[aria-label="Hidden dependencies"] >> text=Config service',
      ],
      [
        'slos-narrow',
        '/catalog/default/component/payments-service/slos',
        '[data-testid=slo-verdict]',
      ],
      ['reliability-narrow', reliabilityTab, stripReady],
    ];
    for (const [name, path, ready] of pages) {
      await visit(page, backend.baseUrl, path, ready);
      await page.waitForTimeout(500);
      if (name === 'dependencies-narrow') {
        assert.ok(
          await rootNodeInView(page),
          'Orders service is in view in its graph at 800 px',
        );
      }
      assert.deepEqual(
        await cellsNarrowerThanTheirWords(page),
        [],
        `on ${path}`,
      );
      assert.deepEqual(
        await overflowing(page.getByTestId('slo-verdict')),
        [],
        `on ${path}`,
      );
      await screenshot(page, name);
    }
    await page.goto(`${backend.baseUrl}/who-do-i-page`);
    await page.getByLabel('Search who to page').fill('pay');
    const results = page
      .getByRole('list', { name: 'Who to page' })
      .getByRole('listitem');
    await results.first().getByText('Payments service').waitFor();
    assert.deepEqual(await overflowing(results), [], 'on /who-do-i-page');
    await screenshot(page, 'who-do-i-page-narrow');
    await page.close();
  });

  it('lists Payments service first when looking up "pay", with until when and the channel', async () => {
    const page = await openPage(WIDE);
    await page.goto(`${backend.baseUrl}/who-do-i-page`);
    await page.getByLabel('Search who to page').fill('pay');
    const first = page
      .getByRole('list', { name: 'Who to page' })
      .getByRole('listitem')
      .first();
    await first.getByText('Payments service').waitFor({ timeout: 60_000 });
    const text = await first.innerText();
    assert.match(text, /^Payments service \(Component, owned by Payments\)/);
    assert.match(text, /until \w{3} \d+ \w{3}, \d\d:\d\d/);
    assert.match(text, /Reach them: slack: #payments-oncall/);
    await screenshot(page, 'who-do-i-page-pay');
    await page.close();
  });

  it('opens on the catalog at /catalog, as the sidebar says', async () => {
    const page = await openPage(WIDE);
    await page.goto(`${backend.baseUrl}/`);
    await page.waitForURL(/\/catalog$/);
    assert.equal(
      await page
        .getByRole('link', { name: 'Catalog' })
        .first()
        .getAttribute('href'),
      '/catalog',
    );
    await page.close();
  });

  it('takes every page in the dark theme', async () => {
    const page = await openPage(WIDE, 'dark');
    await visit(page, backend.baseUrl, reliabilityTab, stripReady);
    await screenshot(page, 'reliability-tab-dark');
    await visit(
      page,
      backend.baseUrl,
      '/catalog/default/component/payments-service/slos',
      '[data-testid=slo-verdict]',
    );
    await screenshot(page, 'slos-dark');
    await page.goto(`${backend.baseUrl}/who-do-i-page`);
    await page.getByLabel('Search who to page').fill('orders');
    await page
      .getByRole('list', { name: 'Who to page' })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'who-do-i-page-dark');
    await page.close();
  });
});
