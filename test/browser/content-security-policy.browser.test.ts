/**
 * The content security policy (script-src 'self', frame-ancestors 'none' …) must not break the
 * web app or Swagger UI: log in, open the main pages and /docs in chromium and record every
 * policy violation the browser reports. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { startOrderBridge, type RunningOrderBridge } from './support/orderbridge-process.js';

const SCREENSHOTS = path.resolve('test-results/screenshots');

let app: RunningOrderBridge;
let browser: Browser;
let page: Page;
const violations: string[] = [];

describe('the content security policy in chromium', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startOrderBridge();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: app.baseUrl });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    // Chromium reports each refused script, style, image or frame on the console.
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (error) => violations.push(`${page.url()}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('runs the web app with no policy violation', async () => {
    const res = await page.goto('/login');
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('textbox', { name: /^Email/ }).fill(app.admin.email);
    await page.getByLabel(/^Password/).fill(app.admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).first().waitFor();
    for (const route of ['/orders', '/connections', '/settings']) {
      await page.goto(route);
      await page.locator('main').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'csp-web-app.png') });
    expect(violations).toEqual([]);
  });

  it('runs Swagger UI at /docs with no policy violation', async () => {
    await page.goto('/docs');
    await page.getByText('OrderBridge REST API').first().waitFor();
    await page.getByText('/api/auth/login').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'csp-docs.png') });
    expect(violations).toEqual([]);
  });

  it('refuses to be framed by another page', async () => {
    const res = await page.goto('/login');
    expect(res?.headers()['x-frame-options']).toBe('DENY');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
