import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startBackend, type RunningBackend } from './backend.ts';
import { launchChromium } from './browser.ts';
import { screenshot, signIn, visit } from './portal.ts';

let backend: RunningBackend;
let browser: Browser;

async function openPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  await signIn(page, backend.baseUrl);
  return page;
}

describe('runbooks, the overview and the change risk in Chromium', () => {
  before(async () => {
    [backend, browser] = await Promise.all([startBackend(), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await backend?.stop();
  });

  it('walks the overview of the demo service in trouble: frozen SLO with its runbook, open incident, drilled and unproven runbooks', async () => {
    const page = await openPage();
    await visit(
      page,
      backend.baseUrl,
      '/catalog/default/component/payments-service/reliability',
      // The demo's drills are loaded once the catalog has the demo: until then, reload.
      'ul[aria-label="Runbooks"] >> text="Drilled"',
    );
    const strip = page.getByRole('region', { name: 'Responder summary' });
    await strip.getByText('Payments').first().waitFor();

    // The demo's drills: the rollback passed 12 days ago, the provider switch failed.
    const runbooks = page.getByRole('list', { name: 'Runbooks' });
    const rollback = runbooks
      .getByRole('listitem')
      .filter({ hasText: 'Roll back the payments service' });
    await rollback.getByText('Drilled', { exact: true }).waitFor();
    assert.match(await rollback.innerText(), /9 min to mitigate in the drill/);
    const provider = runbooks
      .getByRole('listitem')
      .filter({ hasText: 'Switch to the secondary payment provider' });
    await provider.getByText('Not proven', { exact: true }).waitFor();
    assert.match(
      await provider.innerText(),
      /Last drill .*: Failed, fix the runbook and drill it again/,
    );

    // The frozen SLO names the runbook that covers it, once Prometheus was read.
    const slos = page.getByRole('list', { name: 'SLOs' });
    const deadline = Date.now() + 90_000;
    for (;;) {
      const text = await slos.innerText().catch(() => '');
      if (/Freeze/.test(text)) break;
      assert.ok(Date.now() < deadline, `the payments SLO never froze: ${text}`);
      await page.waitForTimeout(3_000);
      await page.reload();
      await slos.waitFor();
    }
    const frozen = slos.getByRole('listitem').filter({ hasText: 'Freeze' });
    await frozen
      .getByRole('link', { name: /Roll back the payments service/ })
      .waitFor();

    const open = page.getByRole('list', { name: 'Open incidents' });
    assert.ok((await open.getByRole('listitem').count()) >= 1);
    await screenshot(page, 'overview-payments');

    // Recording a drill adds it, and the runbook is proven again.
    await page.getByRole('button', { name: 'Record a drill' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Runbook').click();
    await page
      .getByRole('option', { name: 'Switch to the secondary payment provider' })
      .click();
    await dialog
      .getByLabel(/Scenario/)
      .fill('The primary provider times out again');
    await dialog.getByLabel(/Minutes to mitigate/).fill('11');
    await dialog.getByLabel(/Participants/).fill('demo');
    await dialog.getByRole('button', { name: 'Record drill' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('list', { name: 'Runbooks' })
      .getByRole('listitem')
      .filter({ hasText: 'Switch to the secondary payment provider' })
      .getByText('Drilled', { exact: true })
      .waitFor();
    await page.context().close();
  });

  it('gives the change risk of the shared test database before a change, with the notice to owners', async () => {
    const page = await openPage();
    await visit(
      page,
      backend.baseUrl,
      '/catalog/default/resource/shared-test-db/dependencies',
      'text=Change risk of Shared test database',
    );
    // Medium: no runbook, and the settlement batch depends on it without declaring it (the
    // failover incident and the service graph showed it).
    await page.getByText('Medium risk', { exact: true }).waitFor();
    const why = await page.getByRole('list', { name: 'Why' }).innerText();
    assert.match(why, /Shared test database has no runbook/);
    assert.match(why, /relies on it without declaring it .*Settlement batch/);
    await page
      .getByLabel('What is the change?')
      .fill('Upgrading PostgreSQL on Thursday.');
    const notice = await page.getByTestId('change-notice').innerText();
    assert.match(notice, /## Planned change to Shared test database/);
    assert.match(notice, /Upgrading PostgreSQL on Thursday\./);
    assert.match(notice, /Owners to tell:/);
    await screenshot(page, 'change-risk-shared-test-db');
    await page.context().close();
  });

  it('opens the incident-response page from the sidebar and triages the orders service', async () => {
    const page = await openPage();
    await page.getByRole('link', { name: 'Incident response' }).click();
    await page.getByLabel('What is in trouble?').fill('orders');
    await page
      .getByRole('button', { name: /Orders service/ })
      .first()
      .click();
    const checklist = page.getByRole('list', { name: 'Triage checklist' });
    await checklist.waitFor();
    const grafana = checklist
      .getByRole('link', { name: /Grafana dashboards/ })
      .first();
    assert.equal(
      await grafana.getAttribute('href'),
      'https://grafana.example.com/dashboards?tag=orders',
    );
    await page.getByRole('region', { name: 'Responder summary' }).waitFor();
    await screenshot(page, 'incident-response-orders');
    await page.context().close();
  });
});
