// The demo app in a real browser (Debian's Chromium driven by playwright-core):
// two users in two browser contexts sign up, A creates a public item with a
// photo, B finds it by search and writes to A, and A sees B typing, then the
// message, live. Screenshots go to test-results/demo-app/.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sandboxOutputs } from './support/outputs';
import { gradientPng } from './support/png';

jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// What works in a container without a GPU, a sandbox or a network beyond loopback.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join('test-results', 'demo-app');
const photo = gradientPng();

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Each launch gets a fresh temporary profile (user data directory) of its own.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
});

const statusSays = (page: Page, text: string) =>
  page.locator('#status', { hasText: text }).waitFor({ timeout: 15_000 });

/** Repeats `attempt` until `done` shows up (indexing and mail are asynchronous). */
async function until(page: Page, attempt: () => Promise<void>, done: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    await attempt();
    const found = await page
      .locator(done)
      .first()
      .waitFor({ timeout: 1_000 })
      .then(
        () => true,
        () => false,
      );
    if (found || Date.now() > deadline) return;
  }
}

async function signUp(page: Page, email: string): Promise<void> {
  const password = `Pw-${randomUUID()}-A1!`;
  await page.goto(sandboxOutputs().DemoAppUrl as string);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('#sign-up');
  await statusSays(page, 'Signed up');
  await until(page, () => page.click('#fetch-code'), '#status:has-text("Code read")');
  await page.click('#confirm');
  await statusSays(page, 'Confirmed');
  await page.click('#sign-in');
  await statusSays(page, 'Signed in as');
  await page.locator('#live-state', { hasText: 'Live: open' }).waitFor();
}

it('is served by the sandbox at / with its script, and loads nothing from elsewhere', async () => {
  const { DemoAppUrl } = sandboxOutputs();

  const page = await (await fetch(String(DemoAppUrl))).text();
  const script = await fetch(new URL('/demo/app.js', String(DemoAppUrl)));
  const config = await (await fetch(new URL('/demo/config.json', String(DemoAppUrl)))).json();

  expect(page).toContain('<script type="module" src="/demo/app.js"></script>');
  expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  expect(script.headers.get('content-type')).toBe('text/javascript');
  expect((await script.text()).length).toBeGreaterThan(1000);
  expect(config).toEqual({
    ApiUrl: sandboxOutputs().ApiUrl,
    WebSocketUrl: sandboxOutputs().WebSocketUrl,
    UserPoolClientId: sandboxOutputs().UserPoolClientId,
    UserPoolId: sandboxOutputs().UserPoolId,
    CognitoEndpoint: sandboxOutputs().CognitoEndpoint,
  });
});

it('lets B find A’s public item with its photo and message A, who sees the typing, then the message', async () => {
  // prepare
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const word = `bike${randomUUID().slice(0, 8)}`;
  await signUp(a, `a-${randomUUID().slice(0, 8)}@example.com`);
  await signUp(b, `b-${randomUUID().slice(0, 8)}@example.com`);

  // act: A creates a public item with a photo
  await a.fill('#item-title', `Vintage ${word}`);
  await a.fill('#item-body', 'Steel frame, new tyres');
  await a.check('#item-public');
  await a.setInputFiles('#item-photo', { name: 'bike.png', mimeType: 'image/png', buffer: photo });
  await a.click('#create-item');
  await a.locator('#item-list img[src]').waitFor({ timeout: 15_000 });
  await a.screenshot({ path: join(SCREENSHOTS, 'a-item-created.png'), fullPage: true });

  // act: B searches, opens the conversation, types, and sends
  await b.fill('#search-query', word);
  await until(b, () => b.click('#search-run'), '#search-results [data-hit-id]');
  await b.locator('#search-results img[src]').waitFor({ timeout: 15_000 });
  await b.screenshot({ path: join(SCREENSHOTS, 'b-search-found.png'), fullPage: true });
  await b.getByText('Message the owner').click();
  await b.locator('#message-text').pressSequentially('Is it still available?', { delay: 30 });
  const typingSeen = await a
    .locator('#typing', { hasText: 'typing' })
    .waitFor({ timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
  await a.screenshot({ path: join(SCREENSHOTS, 'a-sees-typing.png'), fullPage: true });
  await b.click('#send-message');
  await a
    .locator('#messages li', { hasText: 'Is it still available?' })
    // Through the queue and the message worker, whose first start is slow here.
    .waitFor({ timeout: 30_000 });
  await a.screenshot({ path: join(SCREENSHOTS, 'a-sees-message.png'), fullPage: true });

  // assess
  expect(typingSeen).toBe(true);
  expect(await b.locator('#search-results [data-hit-id]').first().textContent()).toContain(word);
  const bUserId = ((await b.locator('#user-id').textContent()) ?? '').replace('User id ', '');
  expect(await a.locator('#peer').inputValue()).toBe(bUserId);
  expect(await a.locator('#messages li').last().textContent()).toBe('Is it still available?');
});
