// `kata ui` in a real browser: Debian's headless Chromium (lib/browser.ts) on the UI of a live
// `kata ui`, reading the file list as the learner sees it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../lib/browser.ts';
import { EXERCISES_DIR, ROOT } from '../lib/catalog.ts';

let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGTERM');
});

/** Starts `kata ui` on an empty KATA_DIR (every exercise fails at once) and returns its URL. */
async function startUi(): Promise<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|FORCE_COLOR|NODE_ENV$|TEST$)/.test(key)) env[key] = value;
  }
  Object.assign(env, {
    KATA_DIR: mkdtempSync(join(tmpdir(), 'kata-ui-')),
    KATA_STATE: join(tmpdir(), 'kata-ui-state.json'),
    NO_COLOR: '1',
  });
  const port = String(40_000 + Math.floor(Math.random() * 20_000));
  child = spawn(process.execPath, [join(ROOT, 'bin', 'kata.js'), 'ui', '--port', port], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const url = /https?:\/\/\S+/.exec(out)?.[0];
      if (url) resolve(url);
    });
    child!.stderr!.on('data', (chunk: Buffer) => (out += chunk));
    child!.on('exit', (code) => reject(new Error(`kata ui exited ${code}: ${out}`)));
  });
}

describe('kata ui (in headless Chromium)', () => {
  it.skipIf(!hasChromium())(
    'lists the exercises only, in course order',
    async () => {
      const expected = readdirSync(EXERCISES_DIR)
        .sort()
        .flatMap((id) =>
          readdirSync(join(EXERCISES_DIR, id))
            .filter((f) => f.endsWith('.test.ts'))
            .map((f) => `exercises/${id}/${f}`),
        );
      const url = await startUi();
      const { browser, close } = await launchChromium();
      try {
        const page = await browser.newPage();
        // Tall enough that the explorer's virtual list renders every file row.
        await page.setViewport({ width: 1200, height: 2400 });
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        let shown: string[] = [];
        // Files appear as vitest collects them: each fails at once with no learner file, but
        // each needs a test process. Every file, or at least four after 20 s on a busy machine:
        // the tooling's files came first when the UI showed them.
        const started = Date.now();
        while (shown.length < expected.length) {
          if (shown.length >= 4 && Date.now() - started > 20_000) break;
          if (Date.now() - started > 150_000) break;
          await new Promise((r) => setTimeout(r, 500));
          shown = await page.$$eval('*', (all) =>
            all
              .filter((e) => e.children.length === 0 && /\.test\.ts$/.test(e.textContent ?? ''))
              .map((e) => ({ file: e.textContent!.trim(), top: e.getBoundingClientRect().top }))
              .sort((a, b) => a.top - b.top)
              .map((e) => e.file),
          );
        }
        expect(shown.length).toBeGreaterThanOrEqual(4);
        // Only exercise files, top to bottom in course order.
        expect(shown).toEqual(expected.filter((f) => shown.includes(f)));
      } finally {
        await close();
      }
    },
    200_000,
  );
});
