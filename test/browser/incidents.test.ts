import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startBackend, type RunningBackend } from './backend.ts';
import { launchChromium } from './browser.ts';
import { screenshot, signIn, visit } from './portal.ts';

let backend: RunningBackend;
let browser: Browser;

/** A signed-in page with the clipboard readable, as a responder's browser lets the portal. */
async function openPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: backend.baseUrl,
  });
  const page = await context.newPage();
  await signIn(page, backend.baseUrl);
  return page;
}

const TITLE = 'Orders fail to save for some customers';

describe('incidents in Chromium', () => {
  before(async () => {
    [backend, browser] = await Promise.all([startBackend(), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it("shows the demo's failover incident as the evidence of the shared test database's hidden dependency", async () => {
    const page = await openPage();
    // The demo loads its past incidents once the catalog has their entities, which may be after
    // the service graph has shown the edge: visit until the incident's evidence is there too.
    await visit(
      page,
      backend.baseUrl,
      '/catalog/default/resource/shared-test-db/dependencies',
      'section[aria-label="Hidden dependencies"] a:text-matches("^Incident \\\\d+$")',
    );
    const hidden = page.getByRole('region', { name: 'Hidden dependencies' });
    await hidden.getByText('Settlement batch').first().waitFor();
    await hidden.getByRole('link', { name: /^Incident \d+$/ }).click();
    await page
      .getByText(/Failover test blocked the shared test database/)
      .first()
      .waitFor();
    await screenshot(page, 'incident-failover');
    await page.context().close();
  });

  it('declares an incident, copies the first notice, adds to the timeline, writes the postmortem, and keeps it all across a restart', async () => {
    let page = await openPage();
    await visit(
      page,
      backend.baseUrl,
      '/catalog/default/component/orders-service/incidents',
      'text=Config change broke order validation',
    );
    await screenshot(page, 'incidents-tab');

    await page.getByRole('button', { name: 'Declare incident' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/What is happening/).fill(TITLE);
    await dialog.getByLabel('Response channel').fill('#inc-orders-save');
    await dialog.getByRole('button', { name: 'Declare' }).click();
    await dialog.getByText(/Incident \d+ declared/).waitFor();
    await dialog.getByRole('button', { name: 'Copy the first notice' }).click();
    const notice = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(notice, new RegExp(`^SEV2 incident: ${TITLE}\\n`));
    assert.match(notice, /Response channel: #inc-orders-save/);
    assert.match(notice, /Root cause: Orders service \(Commerce\): on call /);
    await screenshot(page, 'incident-declared');

    await dialog.getByRole('link', { name: /Open incident \d+/ }).click();
    await page.getByText(new RegExp(`Incident \\d+: ${TITLE}`)).waitFor();
    const incidentPath = new URL(page.url()).pathname;

    await page
      .getByLabel('Timeline entry')
      .fill('Rolled back orders-service 2.8');
    await page.getByRole('button', { name: 'Add to timeline' }).click();
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText('Rolled back orders-service 2.8')
      .waitFor();

    await page
      .getByLabel(/^Symptom/)
      .fill('One order in ten failed to save for 20 minutes.');
    await page.getByLabel(/^Response/).fill('The deploy was rolled back.');
    await page
      .getByLabel(/^Cause/)
      .fill('A schema change made saves time out.');
    await page.getByRole('button', { name: 'Add action item' }).click();
    const item = page.getByRole('group', { name: 'Action item 1' });
    await item
      .getByLabel('Action', { exact: true })
      .fill('Test schema changes with production-sized data');
    await item
      .getByLabel('Owner', { exact: true })
      .fill('group:default/commerce');
    await page.getByRole('button', { name: 'Save postmortem' }).click();
    await page.getByText(/Version 1, last saved/).waitFor();
    await screenshot(page, 'incident-page');
    await page.context().close();

    await backend.restart();

    page = await openPage();
    await visit(
      page,
      backend.baseUrl,
      '/catalog/default/component/orders-service/incidents',
      `section[aria-label="Incident history"] >> text=${TITLE}`,
    );
    await page.goto(`${backend.baseUrl}${incidentPath}`);
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText('Rolled back orders-service 2.8')
      .waitFor({ timeout: 60_000 });
    assert.equal(
      await page.getByLabel(/^Symptom/).inputValue(),
      'One order in ten failed to save for 20 minutes.',
    );
    assert.equal(
      await page
        .getByRole('group', { name: 'Action item 1' })
        .getByLabel('Action', { exact: true })
        .inputValue(),
      'Test schema changes with production-sized data',
    );
    await page.getByText(/Version 1, last saved/).waitFor();
    await page.context().close();
  });
});
