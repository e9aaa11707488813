import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  artifactsDir,
  repoRoot,
  startBackend,
  type RunningBackend,
} from './backend.ts';
import { launchChromium } from './browser.ts';

const malformedSlos = join(
  repoRoot,
  'plugins/catalog-backend-module-reliability/src/__fixtures__/malformed-slos.yaml',
);

let backend: RunningBackend;
let browser: Browser;
let page: Page;

/**
 * The catalog ingests the demo in the background after the backend starts: load the page until
 * `locator` shows, or fail after two minutes.
 */
async function loadUntilVisible(url: string, locator: Locator, what: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    await page.goto(url);
    try {
      await locator.waitFor({ timeout: 15_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        await page.screenshot({
          path: join(artifactsDir, 'failure.png'),
          fullPage: true,
        });
        throw new Error(
          `${what} never showed; see test-results/browser/failure.png`,
          { cause: error },
        );
      }
    }
  }
}

async function signInAsGuest(target: string) {
  await page.goto(target);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click({ timeout: 60_000 });
  await enter.waitFor({ state: 'detached' });
}

describe('the demo portal in Chromium', { timeout: 600_000 }, () => {
  before(async () => {
    backend = await startBackend({ extraLocations: [malformedSlos] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('answers the health check without credentials', async () => {
    const res = await fetch(`${backend.baseUrl}/api/reliability/health`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '{"status":"ok"}');
  });

  it("shows a demo component's owner on its Reliability tab", async () => {
    await signInAsGuest(
      `${backend.baseUrl}/catalog/default/component/orders-service/reliability`,
    );

    const strip = page.getByRole('region', {
      name: 'Ownership and escalation',
    });
    await loadUntilVisible(
      page.url(),
      strip,
      'the Reliability tab of orders-service',
    );
    await strip
      .getByRole('link', { name: /commerce/i })
      .waitFor({ timeout: 30_000 });
    const ownerLink = strip.getByRole('link', { name: /commerce/i });
    assert.equal(
      await ownerLink.getAttribute('href'),
      '/catalog/default/group/commerce',
    );
    await page.getByText('Roll back the orders service').waitFor();
    await page.screenshot({
      path: join(artifactsDir, 'reliability-tab.png'),
      fullPage: true,
    });
  });

  it('lets an owner read on the unprocessed-entities page why a malformed SLO was rejected', async () => {
    const reason =
      'spec.objectives[0].target must be a number from 0 up to but excluding 1 (0.999 means 99.9%), got 1.5';

    // The catalog lists a never-valid entity under "Failed" (errors inline) or "Pending" (errors
    // in its raw definition), depending on how far its stitching got.
    async function findReason(): Promise<string | undefined> {
      await page.goto(`${backend.baseUrl}/catalog-unprocessed-entities`);
      await page.getByRole('tab', { name: 'Failed' }).click();
      await page.getByRole('table').first().waitFor();
      const inline = page.getByText(reason, { exact: false }).first();
      if (await inline.isVisible()) {
        return page.getByRole('table').first().innerText();
      }
      await page.getByRole('tab', { name: 'Pending' }).click();
      await page.getByRole('table').first().waitFor();
      for (const button of await page
        .getByRole('button', { name: /^Show raw entity definition/ })
        .all()) {
        await button.click();
        const dialog = page.getByRole('dialog');
        const text = await dialog.innerText();
        if (text.includes(reason)) {
          return text;
        }
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
      return undefined;
    }

    const deadline = Date.now() + 120_000;
    let shown = await findReason();
    while (!shown && Date.now() < deadline) {
      await page.waitForTimeout(2_000);
      shown = await findReason();
    }
    await page.screenshot({
      path: join(artifactsDir, 'unprocessed-entities.png'),
      fullPage: true,
    });
    assert.ok(shown, `the unprocessed-entities page never showed: ${reason}`);
    assert.match(shown, /checkout-latency-impossible-target/);
  });
});
