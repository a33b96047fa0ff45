// The browser end-to-end tests, against a running suite (BASE_URL): run by the e2e module's
// FrontendBrowserTest after ./copilot up, or by hand: BASE_URL=… WEBHOOK_SECRET=… node e2e/run.mjs [name…]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP_URL, BASE_URL, SCREENSHOTS, axeViolations, check, focused, horizontalOverflow, launch, postSegment, relay, shot, signIn, tabTo, unique,
} from './lib.mjs';

const WAIT = 45000;

async function inputValue(page, path) {
  return page.locator(`input[data-path="${path}"]`).first().inputValue();
}

async function waitForInput(page, path, expected) {
  await page.waitForFunction(([p, v]) => document.querySelector(`input[data-path="${p}"]`)?.value === v, [path, expected], { timeout: WAIT });
}

async function calculatorReady(page) {
  await page.locator('input[data-path="humanAgents"]').waitFor({ timeout: WAIT });
}

const scenarios = {
  /** A chat turn changes inputs, and the calculator shows the change with old → new in the reply. */
  async chatChangesInput(context) {
    const page = await context.newPage();
    await signIn(page, APP_URL, unique('ana'));
    await calculatorReady(page);
    check(await inputValue(page, 'humanAgents') === '30', 'the calculator should start at the defaults');
    await shot(page, 'chat-01-calculator');
    await page.getByRole('button', { name: 'Increase agent count to 50 and reduce rent by 10%' }).click();
    await waitForInput(page, 'humanAgents', '50');
    await waitForInput(page, 'rent', '27000');
    // The reply says old → new: in its text, and in its change list when the turn reports its changes.
    const reply = page.locator('[data-role="assistant"]').filter({ hasText: /30\s*→\s*50/ });
    await reply.first().waitFor({ timeout: WAIT });
    // The tornado follows the new state: it is the calculator's own drivers, fetched for this version.
    await page.locator('[data-testid="tornado"][data-version]:not([data-version=""]):not([data-version="0"])').waitFor({ timeout: WAIT });
    const bars = await page.getByTestId('tornado-chart').getAttribute('aria-label');
    const entries = (bars ?? '').split('; ').filter((b) => /^.+: [+-]?\$[\d.,]+[KMB]?$/.test(b));
    check(entries.length >= 3, `the tornado should show the inputs that move net recovery with their change, said: ${bars}`);
    await shot(page, 'chat-02-changed');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'chat-03-narrow');
    await page.close();
  },

  /** After a reload the same session comes back: its state, and its thread (MESSAGES_SNAPSHOT). */
  async threadSurvivesReload(context) {
    const page = await context.newPage();
    await signIn(page, APP_URL, unique('tom'));
    await calculatorReady(page);
    await page.getByRole('button', { name: 'Reduce human salary by 15%' }).click();
    await waitForInput(page, 'humanSalary', '40800');
    await page.locator('[data-role="assistant"]').first().waitFor({ timeout: WAIT });
    await page.reload();
    await calculatorReady(page);
    check(await inputValue(page, 'humanSalary') === '40800', 'the state should survive a reload');
    await page.getByTestId('thread').getByText('Reduce human salary by 15%').waitFor({ timeout: WAIT });
    await page.locator('[data-role="assistant"]').first().waitFor({ timeout: WAIT });
    await shot(page, 'reload-01-thread-restored');
    await page.close();
  },

  /** An edit that overloads the operation raises a proactive insight: a toast and a chat message. */
  async editRaisesInsight(context) {
    const page = await context.newPage();
    await signIn(page, APP_URL, unique('ines'));
    await calculatorReady(page);
    const field = page.locator('input[data-path="humanAgents"]');
    // Out of bounds first: refused in place, nothing sent.
    await field.fill('-5');
    await field.press('Enter');
    const refusal = page.getByText('Out of bounds: 0 – 100,000');
    await refusal.waitFor({ timeout: 5000 });
    await refusal.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    check((await page.getByTestId('calculator').getAttribute('data-version')) === '0', 'a refused value must not change the state');
    await shot(page, 'insight-01-refused-in-place');
    await field.fill('12');
    await field.press('Enter');
    await waitForInput(page, 'humanAgents', '12');
    const toast = page.getByTestId('insight-toast').first();
    await toast.waitFor({ timeout: WAIT });
    const message = await toast.innerText();
    check(/utili[sz]ation|capacity/i.test(message), `the insight should be about utilization, said: ${message}`);
    await page.locator('[data-role="insight"]').first().waitFor({ timeout: WAIT });
    await shot(page, 'insight-02-toast');
    const action = toast.getByRole('button').filter({ hasNotText: '' }).nth(1);
    if (await action.count()) {
      const before = await page.getByTestId('calculator').getAttribute('data-version');
      await action.click();
      await page.waitForFunction((v) => document.querySelector('[data-testid="calculator"]')?.getAttribute('data-version') !== v, before, { timeout: WAIT });
      await shot(page, 'insight-03-action-applied');
    }
    await page.close();
  },

  /** Asking for an executive summary ends in a PDF the browser downloads with the bearer token. */
  async pdfDownloads(context) {
    const page = await context.newPage();
    await signIn(page, APP_URL, unique('cfo'));
    await calculatorReady(page);
    await page.getByRole('button', { name: 'Prepare an executive summary for my CFO' }).click();
    const button = page.getByTestId('artifact-download').first();
    await button.waitFor({ timeout: 90000 });
    await shot(page, 'pdf-01-ready');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), button.click()]);
    const path = join(SCREENSHOTS, 'executive-summary.pdf');
    await download.saveAs(path);
    const head = readFileSync(path).subarray(0, 4).toString('latin1');
    check(head === '%PDF', `the download should be a PDF, starts with ${JSON.stringify(head)}`);
    await page.close();
  },

  /** A transcript posted to the webhook shows live on the agent desk, with its suggestion card. */
  async transcriptLive(context) {
    const page = await context.newPage();
    await signIn(page, APP_URL, unique('nadia'));
    await page.getByRole('link', { name: 'Agent desk' }).click();
    const call = unique('c');
    await page.getByLabel('Call id').fill(call);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('Waiting for the call').waitFor({ timeout: WAIT });
    await postSegment({ sessionId: call, phone: '+14155550101', state: 'CA', plan: 'PLUS', contractType: 'HOMEOWNER',
      segmentId: `${call}-1`, speaker: 'CUSTOMER', text: 'Hi, my dishwasher stopped draining yesterday. Is that covered?' });
    await page.getByTestId('transcript').getByText('dishwasher stopped draining').waitFor({ timeout: WAIT });
    const card = page.getByTestId('suggestion-card').first();
    await card.waitFor({ timeout: WAIT });
    const decision = await card.getByTestId('decision').innerText();
    check(/Yes|No|Partial/.test(decision), `the card should carry a decision badge, had ${decision}`);
    await card.getByRole('button', { name: /Evidence/ }).click();
    await card.locator('blockquote').first().waitFor({ timeout: 5000 });
    // The switch shows what copilot-service holds: a call starts with its copilot on.
    await page.locator('[data-testid="copilot-toggle"][data-state="ENABLED"]').waitFor({ timeout: WAIT });
    check(await page.getByRole('switch', { name: 'Live copilot' }).getAttribute('aria-checked') === 'true', 'the switch should be on');
    await shot(page, 'desk-01-transcript-and-card');
    await page.close();
  },

  /** The connection drops while the call goes on; on reconnect the client resumes and misses nothing. */
  async resumeAfterDrop(context) {
    const gate = await relay(APP_URL);
    const page = await context.newPage();
    const joins = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => {
      try { const m = JSON.parse(String(f.payload)); if (m.type === 'join') joins.push(m); } catch { /* not JSON */ }
    }));
    try {
      await signIn(page, gate.url, unique('rosa'));
      await page.getByRole('link', { name: 'Agent desk' }).click();
      const call = unique('c');
      await page.getByLabel('Call id').fill(call);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByText('Waiting for the call').waitFor({ timeout: WAIT });
      const lines = ['Hello, thanks for calling HearthGuard.', 'My water heater is leaking in the garage.', 'Is the water heater covered on my plan?'];
      await postSegment({ sessionId: call, segmentId: `${call}-1`, speaker: 'AGENT', text: lines[0] });
      const transcript = page.getByTestId('transcript');
      await transcript.getByText(lines[0]).waitFor({ timeout: WAIT });

      gate.cut();
      await page.locator('[data-testid="connection-status"]:not([data-status="open"])').waitFor({ timeout: WAIT });
      await postSegment({ sessionId: call, segmentId: `${call}-2`, speaker: 'CUSTOMER', text: lines[1] });
      await postSegment({ sessionId: call, segmentId: `${call}-3`, speaker: 'CUSTOMER', text: lines[2] });
      await page.waitForTimeout(1500);
      await shot(page, 'resume-01-offline');
      check(await transcript.getByText(lines[1]).count() === 0, 'nothing should arrive while the connection is down');

      gate.restore();
      await page.locator('[data-testid="connection-status"][data-status="open"]').waitFor({ timeout: WAIT });
      for (const l of lines) await transcript.getByText(l).waitFor({ timeout: WAIT });
      check(await transcript.locator('li[data-partial]').count() === 3, 'each line exactly once after the resume');
      const resumed = joins.filter((j) => j.sessionId === call && typeof j.lastSeq === 'number');
      check(resumed.length >= 1, `the re-join should carry lastSeq, joins were ${JSON.stringify(joins)}`);
      await shot(page, 'resume-02-resumed');
    } finally {
      await page.close();
      await gate.close();
    }
  },

  /**
   * axe-core (WCAG 2.1 A/AA) finds no serious or critical violation on the calculator (with its charts and a
   * copilot turn) or on the agent desk (with a transcript and a card); neither page scrolls sideways at
   * 1280×800 or at 390×844.
   */
  async accessibility(context) {
    const page = await context.newPage();
    await signIn(page, APP_URL, unique('ada'));
    await calculatorReady(page);
    await page.getByRole('button', { name: 'Increase agent count to 50 and reduce rent by 10%' }).click();
    await waitForInput(page, 'humanAgents', '50');
    await page.locator('[data-role="assistant"]').first().waitFor({ timeout: WAIT });
    await page.getByTestId('tornado-chart').waitFor({ timeout: WAIT });
    const problems = [];
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      const over = await horizontalOverflow(page);
      if (over > 0) problems.push(`calculator at ${width}×${height} overflows sideways by ${over}px`);
      await shot(page, `a11y-calculator-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    problems.push(...(await axeViolations(page)).map((v) => `calculator: ${v}`));

    await page.getByRole('link', { name: 'Agent desk' }).click();
    const call = unique('c');
    await postSegment({ sessionId: call, phone: '+14155550101', state: 'CA', plan: 'PLUS', contractType: 'HOMEOWNER',
      segmentId: `${call}-1`, speaker: 'CUSTOMER', text: 'My dishwasher stopped draining yesterday. Is that covered?' });
    await page.getByLabel('Call id').fill(call);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByTestId('suggestion-card').first().waitFor({ timeout: WAIT });
    await page.getByTestId('suggestion-card').first().getByRole('button', { name: /Evidence/ }).click();
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      const over = await horizontalOverflow(page);
      if (over > 0) problems.push(`desk at ${width}×${height} overflows sideways by ${over}px`);
      await shot(page, `a11y-desk-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    problems.push(...(await axeViolations(page)).map((v) => `desk: ${v}`));
    await page.close();
    check(problems.length === 0, `accessibility problems:\n  ${problems.join('\n  ')}`);
  },

  /**
   * Keyboard only, from the sign-in on: every Tab stop shows where focus is; an input is edited, the tornado's
   * metric switched, the desk reached, a call joined and its copilot switched off, all without the mouse; and
   * the switch still shows the server's "off" after a reload.
   */
  async keyboardOnly(context) {
    const page = await context.newPage();
    await page.goto(APP_URL + '/');
    await tabTo(page, (f) => f.tag === 'summary');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'input' && f.name.startsWith('User'));
    await page.keyboard.type(unique('kim'));
    await tabTo(page, (f) => f.name.includes('Development sign-in'), { back: true });
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="connection-status"][data-status="open"]').waitFor({ timeout: WAIT });
    await calculatorReady(page);
    await page.getByTestId('tornado-chart').waitFor({ timeout: WAIT });

    // The skip link is the first stop, and leads into the content.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    check(skip?.name === 'Skip to content' && skip.indicator && skip.visible, `the first stop should be a visible skip link, was ${JSON.stringify(skip)}`);
    await page.keyboard.press('Enter');
    check((await page.evaluate(() => document.activeElement?.id)) === 'main', 'the skip link should move focus to the content');

    // Walk every stop once round: each shows a focus indicator.
    const stops = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!f) continue; // focus is in the browser's own UI between rounds: go on into the page again
      if (stops.length && stops[0].name === f.name && stops[0].tag === f.tag && stops[0].path === f.path) break;
      stops.push(f);
    }
    const hidden = stops.filter((f) => !f.indicator);
    check(hidden.length === 0, `every stop should show focus; without an indicator: ${JSON.stringify(hidden.slice(0, 10))}`);
    check(stops.some((f) => f.path === 'humanAgents'), 'the walk should reach the Human agents input');
    check(stops.some((f) => f.name === 'Peak utilization' && f.pressed != null), 'the walk should reach the tornado metric switch');
    check(stops.some((f) => f.name.includes('Agent desk')), 'the walk should reach the desk link');
    await shot(page, 'keyboard-01-walked');

    // Edit an input.
    await tabTo(page, (f) => f.path === 'humanAgents');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('35');
    await page.keyboard.press('Enter');
    await waitForInput(page, 'humanAgents', '35');
    // Switch the tornado to peak utilization.
    await tabTo(page, (f) => f.name === 'Peak utilization' && f.pressed != null);
    await page.keyboard.press('Space');
    check(await page.getByTestId('tornado').getByRole('button', { name: 'Peak utilization' }).getAttribute('aria-pressed') === 'true',
      'Space should switch the tornado metric');
    await shot(page, 'keyboard-02-edited');

    // The desk: join a call and switch its copilot off.
    const call = unique('c');
    await postSegment({ sessionId: call, segmentId: `${call}-1`, speaker: 'AGENT', text: 'Thanks for calling HearthGuard.' });
    await tabTo(page, (f) => f.name.includes('Agent desk'));
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'input' && f.name === 'Call id');
    await page.keyboard.type(call);
    await page.keyboard.press('Enter');
    await page.getByTestId('transcript').getByText('Thanks for calling').waitFor({ timeout: WAIT });
    const toggle = page.locator(`[data-testid="copilot-toggle"]`);
    await page.locator('[data-testid="copilot-toggle"][data-state="ENABLED"]').waitFor({ timeout: WAIT });
    await tabTo(page, (f) => f.role === 'switch');
    await page.keyboard.press('Space');
    await page.locator('[data-testid="copilot-toggle"][data-state="DISABLED"]').waitFor({ timeout: WAIT });
    await page.getByRole('switch', { name: 'Live copilot' }).and(page.locator('[aria-checked="false"]')).waitFor({ timeout: WAIT });
    await shot(page, 'keyboard-03-copilot-off');
    await page.reload();
    await page.locator('[data-testid="copilot-toggle"][data-state="DISABLED"]').waitFor({ timeout: WAIT });
    check(await toggle.getByRole('switch').getAttribute('aria-checked') === 'false', 'after a reload the switch should still show the server\'s off');
    await shot(page, 'keyboard-04-after-reload');
    await page.close();
  },
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(scenarios);
let failed = 0;
for (const name of names) {
  const scenario = scenarios[name];
  if (!scenario) { console.error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`); failed++; continue; }
  const started = Date.now();
  // A fresh browser profile per scenario: nothing (token, session ids) carries over between them.
  const context = await launch();
  try {
    await scenario(context);
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
    for (const p of context.pages()) await shot(p, `${name}-failure`).catch(() => {});
  } finally {
    await context.close();
  }
}
process.exit(failed ? 1 : 0);
