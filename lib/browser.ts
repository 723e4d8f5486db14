/**
 * A headless Chromium for tests that need a real browser (the grader's report page, the UI test):
 * Debian's `chromium` package driven by puppeteer-core, which downloads no browser of its own.
 * `.ci/run` installs the package when it is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';

/** Where the browser is: `CHROMIUM` when set, else Debian's path. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM?.trim() || '/usr/bin/chromium';
}

/** True when a browser is installed where `chromiumPath` looks. */
export function hasChromium(): boolean {
  return existsSync(chromiumPath());
}

export interface LaunchedBrowser {
  browser: Browser;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh profile. The flags keep it quiet and offline-friendly:
 * no sandbox (CI runs as root, where Chromium's sandbox refuses to start), no GPU, no QUIC, no
 * first-run, sync, component updates or background requests. Throws one line naming the fix when
 * the browser is not installed.
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `no browser at ${executablePath}: install Debian's chromium (apt-get install chromium) ` +
        'or set CHROMIUM to a Chromium binary.',
    );
  }
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'yield-katas-chromium-'));
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
      ],
    });
    return {
      browser,
      async close() {
        try {
          await browser.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}
