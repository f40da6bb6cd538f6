import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { chromiumPath } from './requirements.ts';

/** Debian's Chromium, or CHROMIUM_PATH; `npm test` installs it first when it can (bin/setup-browser.ts). */
const CHROMIUM = chromiumPath(process.env);

/**
 * Headless in a container (no sandbox, GPU or /dev/shm), and no request of Chromium's own: no
 * updates, sync or background fetches, and no DNS but 127.0.0.1, so a test sees every request.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Launches Chromium, or fails with what to install: a browser test is never skipped silently. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser tests need it. Install it with ` +
        '`npm run setup:browser` (it says what to run when it cannot), or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export const DESKTOP = { viewport: { width: 1280, height: 900 } };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
