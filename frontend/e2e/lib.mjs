// Helpers for the browser tests: Debian's Chromium through playwright-core (never a downloaded
// browser), the signed Amazon Connect webhook, and a TCP relay that can cut the connection.
import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { createRequire } from 'node:module';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
/** Where the browser loads the app: the gateway itself, or a dev server that proxies to it. */
export const APP_URL = process.env.APP_URL ?? BASE_URL;
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? join(process.cwd(), 'target', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
mkdirSync(SCREENSHOTS, { recursive: true });

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'copilot-e2e-chromium-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`];
  // launchPersistentContext is how a --user-data-dir of our own is given to Chromium.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: args.filter((a) => !a.startsWith('--user-data-dir')),
    viewport: { width: 1280, height: 800 }, acceptDownloads: true,
  });
  return context;
}

export async function shot(page, name) {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Signs in with the development sign-in, as a user of its own so tests never share a thread. */
export async function signIn(page, base, user) {
  await page.goto(base + '/');
  await page.getByText('Sign in as someone else').click();
  await page.getByLabel('User').fill(user);
  await page.getByRole('button', { name: 'Development sign-in' }).click();
  await page.getByTestId('connection-status').and(page.locator('[data-status="open"]')).waitFor({ timeout: 30000 });
}

export function sign(secret, timestamp, body) {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Posts a transcript segment to the gateway's webhook, signed as amazon-connect.md says. */
export async function postSegment(segment) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) throw new Error('WEBHOOK_SECRET is not set');
  const body = JSON.stringify(segment);
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(BASE_URL + '/webhook/transcripts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Copilot-Timestamp': String(ts), 'X-Copilot-Signature': sign(secret, ts, body) },
    body,
  });
  if (res.status !== 202) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/**
 * A TCP relay in front of the gateway. cut() destroys every connection and refuses new ones, as a
 * network drop would; restore() lets connections through again.
 */
export async function relay(targetUrl) {
  const target = new URL(targetUrl);
  const sockets = new Set();
  let blocked = false;
  const server = net.createServer((client) => {
    if (blocked) { client.destroy(); return; }
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client); sockets.add(upstream);
    const drop = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('error', drop); upstream.on('error', drop); client.on('close', drop); upstream.on('close', drop);
    client.pipe(upstream); upstream.pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut() { blocked = true; for (const s of sockets) s.destroy(); sockets.clear(); },
    restore() { blocked = false; },
    close() { for (const s of sockets) s.destroy(); return new Promise((r) => server.close(r)); },
  };
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export const unique = (prefix) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe-core (injected into the page, from npm) against WCAG 2.1 A and AA and answers the serious and
 * critical violations, each as "rule: what (targets)".
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether the page is wider than its window (a horizontal scrollbar): answers the overflow in pixels. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/** What has focus: tag, accessible-ish name, and whether it shows a focus indicator (outline or ring). */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow && style.boxShadow !== 'none';
    const rect = el.getBoundingClientRect();
    // || not ??: an element without an id, or an empty label, must fall through to the next source of its name.
    const labelled = el.getAttribute('aria-label') || (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent)
      || el.closest('label')?.textContent || el.textContent;
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), path: el.getAttribute('data-path'), pressed: el.getAttribute('aria-pressed'),
      name: (labelled ?? '').trim().replace(/\s+/g, ' ').slice(0, 80), indicator: !!(outline || ring),
      visible: rect.width > 0 && rect.height > 0 };
  });
}

/** Presses Tab (or Shift+Tab) until what has focus satisfies the predicate; fails after `limit` presses. */
export async function tabTo(page, predicate, { back = false, limit = 250 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f && predicate(f)) return f;
  }
  throw new Error(`no focusable element matched within ${limit} ${back ? 'Shift+Tab' : 'Tab'} presses`);
}
