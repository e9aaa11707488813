import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { artifactsDir, startBackend, type RunningBackend } from './backend.ts';
import { launchChromium } from './browser.ts';

let backend: RunningBackend;
let browser: Browser;
let page: Page;

/**
 * The catalog ingests entities in the background after the backend starts: repeat `attempt`
 * until it returns a value, or fail after two minutes with a screenshot of the page.
 */
async function eventually<T>(
  attempt: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) {
      return result;
    }
    if (Date.now() > deadline) {
      await page.screenshot({
        path: join(artifactsDir, 'failure.png'),
        fullPage: true,
      });
      assert.fail(`${what} never showed; see test-results/browser/failure.png`);
    }
    await page.waitForTimeout(2_000);
  }
}

/** Loads `url` until `locator` shows on it. */
async function loadUntilVisible(url: string, locator: Locator, what: string) {
  await eventually(async () => {
    await page.goto(url);
    try {
      await locator.waitFor({ timeout: 15_000 });
      return true;
    } catch {
      return undefined;
    }
  }, what);
}

async function signInAsGuest(target: string) {
  await page.goto(target);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click({ timeout: 60_000 });
  await enter.waitFor({ state: 'detached' });
}

describe('the demo portal in Chromium', { timeout: 600_000 }, () => {
  before(async () => {
    backend = await startBackend();
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
      name: 'Responder summary',
    });
    await loadUntilVisible(
      page.url(),
      strip,
      'the Reliability tab of orders-service',
    );
    const ownerLink = strip.getByRole('link', { name: /commerce/i });
    await ownerLink.waitFor({ timeout: 30_000 });
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

  it("lets an owner read on the unprocessed-entities page why the demo's draft SLO was rejected", async () => {
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

    const shown = await eventually(
      findReason,
      `the unprocessed-entities page explaining "${reason}"`,
    );
    await page.screenshot({
      path: join(artifactsDir, 'unprocessed-entities.png'),
      fullPage: true,
    });
    assert.match(shown, /orders-latency-draft/);
  });

  it("shows the demo's frozen payments service on its SLOs tab", async () => {
    const card = page.getByText('Payments availability: Payments succeed');
    await eventually(async () => {
      await page.goto(
        `${backend.baseUrl}/catalog/default/component/payments-service/slos`,
      );
      try {
        await card.waitFor({ timeout: 15_000 });
        await page.getByText('Freeze').first().waitFor({ timeout: 5_000 });
        return true;
      } catch {
        return undefined;
      }
    }, 'the frozen Payments availability SLO');
    await page
      .getByText(/The 30-day error budget is spent/)
      .first()
      .waitFor();
    const link = page.getByRole('link', { name: /payments-availability/i });
    assert.equal(
      await link.first().getAttribute('href'),
      '/catalog/default/slo/payments-availability',
    );
    await page.screenshot({
      path: join(artifactsDir, 'slos-tab.png'),
      fullPage: true,
    });
  });

  it("finds a demo service's on-call on the Who do I page? page", async () => {
    // Who is on call depends on today's date: ask the API, then expect the page to say it.
    const { backstageIdentity } = await (
      await fetch(`${backend.baseUrl}/api/auth/guest/refresh`)
    ).json();
    const expected = await eventually(async () => {
      const res = await fetch(
        `${backend.baseUrl}/api/reliability/entities/component/default/orders-service/escalation`,
        { headers: { authorization: `Bearer ${backstageIdentity.token}` } },
      );
      const body = await res.json();
      return body.onCall?.find((entry: { level: number }) => entry.level === 1)
        ?.displayName as string | undefined;
    }, "orders-service's on-call from the API");

    await page.goto(`${backend.baseUrl}/who-do-i-page`);
    await page.getByLabel('Search who to page').fill('orders');
    const result = page
      .getByRole('list', { name: 'Who to page' })
      .getByRole('listitem')
      .filter({ hasText: 'Orders service' });
    await result.waitFor({ timeout: 30_000 });
    const text = await result.innerText();
    assert.match(text, /owned by Commerce/);
    assert.ok(
      text.includes(`Page ${expected}`),
      `expected "Page ${expected}" in: ${text}`,
    );
    await page.screenshot({
      path: join(artifactsDir, 'who-do-i-page.png'),
      fullPage: true,
    });
  });

  it("shows a demo service's hidden dependency on its Dependencies tab", async () => {
    const hidden = page.getByRole('region', { name: 'Hidden dependencies' });
    await eventually(async () => {
      await page.goto(
        `${backend.baseUrl}/catalog/default/component/orders-service/dependencies`,
      );
      try {
        await hidden
          .getByRole('link', { name: /Config service/ })
          .waitFor({ timeout: 15_000 });
        return true;
      } catch {
        return undefined;
      }
    }, 'the hidden orders-service → config-service dependency');
    assert.equal(
      await hidden
        .getByRole('link', { name: /Config service/ })
        .getAttribute('href'),
      '/catalog/default/component/config-service',
    );
    const text = await hidden.innerText();
    assert.match(text, /traffic/);
    assert.match(text, /dependsOn:\s*- component:default\/config-service/);

    // In the graph the hidden edge is labelled apart from confirmed ones.
    const hiddenLabel = page.getByTestId('dependency-edge-hidden').first();
    await hiddenLabel.waitFor({ state: 'visible' });
    assert.equal(await hiddenLabel.textContent(), 'hidden');
    const fill = (label: Locator) =>
      label.evaluate(text => getComputedStyle(text).fill);
    assert.notEqual(
      await fill(hiddenLabel),
      await fill(page.getByTestId('dependency-edge-both').first()),
    );
    await page.screenshot({
      path: join(artifactsDir, 'dependencies-tab.png'),
      fullPage: true,
    });
  });
});
