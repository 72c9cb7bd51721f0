import type { Page } from 'playwright-core';
import type { RunningOrderBridge } from './orderbridge-process.js';

/** Logs in as the administrator the process printed, through the login page, and waits for the dashboard. */
export async function logInAsAdmin(page: Page, app: RunningOrderBridge): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: /^Email/ }).fill(app.admin.email);
  await page.getByLabel(/^Password/).fill(app.admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).first().waitFor();
}
