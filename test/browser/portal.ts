import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactsDir } from './backend.ts';

/** Signs `page` in as the demo's guest, on the catalog. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/catalog`);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click({ timeout: 60_000 });
  await enter.waitFor({ state: 'detached' });
}

/**
 * Goes to `path` until `ready` (a selector) shows: the catalog loads the demo meanwhile. On
 * giving up, the page is kept as `failure.png`.
 */
export async function visit(
  page: Page,
  baseUrl: string,
  path: string,
  ready: string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    await page.goto(`${baseUrl}${path}`);
    try {
      await page.locator(ready).first().waitFor({ timeout: 15_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        await page.screenshot({
          path: join(artifactsDir, 'failure.png'),
          fullPage: true,
        });
        throw error;
      }
    }
  }
}

/** A full-page screenshot in `test-results/browser/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(artifactsDir, `${name}.png`),
    fullPage: true,
  });
}
