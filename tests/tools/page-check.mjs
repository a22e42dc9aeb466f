// Drives the service's web page in headless Chromium (Debian's /usr/bin/chromium through playwright-core, a fresh
// profile): logs in with the API key, reads the report's row and statuses on the list, opens the report, retries the
// dead letter with the page's own button, waits for the delivery to be sent, and takes a screenshot of the list.
// Prints one JSON object with what it saw.
// Usage: node page-check.mjs --url http://127.0.0.1:P --key K --report ID --screenshot FILE [--profile DIR]
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i++) args[process.argv[i].replace(/^--/, '')] = process.argv[++i];
const profile = args.profile || mkdtempSync(join(tmpdir(), 'sgl-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const result = { steps: [] };
try {
  const page = context.pages()[0] || await context.newPage();
  await page.goto(args.url + '/', { waitUntil: 'domcontentloaded' });
  result.loginUrl = new URL(page.url()).pathname;
  await page.fill('#cle', args.key);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('button[type=submit]')]);
  result.afterLogin = new URL(page.url()).pathname;
  const row = page.locator(`tr[data-report="${args.report}"][data-status]`);
  await row.waitFor({ timeout: 20000 });
  result.listStatus = await row.getAttribute('data-status');
  result.listStatusText = (await row.locator('td').nth(2).innerText()).trim();
  result.listDeliveries = await row.locator('[data-delivery-status]').evaluateAll(els => els.map(e => ({ status: e.getAttribute('data-delivery-status'), text: e.textContent.trim() })));
  result.certificateBanner = await page.locator('[data-certificate-warning]').count() > 0 ? (await page.locator('[data-certificate-warning]').innerText()).trim() : null;
  result.deadLettersBefore = await page.locator('tr[data-dead-letter]').count();
  result.title = await page.title();
  result.lang = await page.getAttribute('html', 'lang');
  await page.screenshot({ path: args.screenshot, fullPage: true });

  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click(`a[href="/rapports/${encodeURIComponent(args.report)}"]`)]);
  await page.waitForSelector('h1[data-report]');
  result.pdfFrame = await page.locator('iframe').getAttribute('src');
  result.detailDeliveries = await page.locator('tr[data-delivery]').evaluateAll(els => els.map(e => ({ id: e.getAttribute('data-delivery'), channel: e.getAttribute('data-channel'), status: e.getAttribute('data-delivery-status') })));
  const retry = page.locator('button[data-retry]').first();
  result.retryButtons = await page.locator('button[data-retry]').count();
  if (result.retryButtons > 0) {
    const id = await retry.getAttribute('data-retry');
    result.retried = id;
    const detail = page.url();
    // The form posts and the service redirects back; the outcome is read from the page itself, whatever the timing.
    // On a loaded machine the detail page may still be loading its PDF frame: don't wait for that after the click.
    const posted = page.waitForRequest(r => r.method() === 'POST' && r.url().includes('/relancer'), { timeout: 90000 });
    await retry.scrollIntoViewIfNeeded();
    try {
      await retry.click({ noWaitAfter: true, timeout: 20000 });
    } catch (e) {
      // Headless Chromium busy with the PDF frame may keep the button from being "stable": submit its own form.
      result.clickFallback = String(e && e.message || e).split('\n')[0];
      await retry.evaluate(b => b.form.requestSubmit(b));
    }
    const request = await posted;
    result.retryRequest = new URL(request.url()).pathname;
    // The POST answers with a redirect back to the detail page; the browser follows it on its own. Wait for the POST's
    // answer so that our own reloads below do not start while that redirect is still landing.
    result.retryResponse = await request.response().then(r => r && r.status()).catch(() => null);
    await page.waitForLoadState('domcontentloaded').catch(() => {});
    let status = null;
    result.interruptedReloads = 0;
    for (let i = 0; i < 60; i++) {
      try {
        await page.goto(detail, { waitUntil: 'domcontentloaded' });
        status = await page.locator(`tr[data-delivery="${id}"]`).getAttribute('data-delivery-status', { timeout: 10000 });
      } catch (e) {
        // A reload interrupted by the form's own redirect landing late is not a failure of the page: read it again.
        const message = String(e && e.message || e);
        if (!/interrupted by another navigation|Execution context was destroyed|net::ERR_ABORTED/.test(message)) throw e;
        result.interruptedReloads++;
      }
      if (status === 'sent') break;
      await page.waitForTimeout(250);
    }
    result.afterRetry = status;
    result.auditEvents = await page.locator('tr[data-event]').evaluateAll(els => els.map(e => e.getAttribute('data-event')));
    result.retriedBy = (await page.locator('tr[data-event="retried"] td').nth(3).innerText()).trim();
  }
  await page.goto(args.url + '/', { waitUntil: 'domcontentloaded' });
  result.deadLettersAfter = await page.locator('tr[data-dead-letter]').count();
  await page.screenshot({ path: args.screenshot, fullPage: true });
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  await context.close();
}
process.stdout.write(JSON.stringify(result));
