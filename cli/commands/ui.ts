/** `kata ui`: vitest's browser UI (@vitest/ui) on the exercises, in watch mode, until Ctrl-C. */
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { createVitest } from 'vitest/node';
import { ROOT } from '../../lib/catalog.ts';
import { print } from '../io.ts';
import { renderOptions } from '../render.ts';

export async function ui(options: { port?: number } = {}): Promise<number> {
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const vitest = await createVitest(
    'test',
    {
      root: ROOT,
      config: join(ROOT, 'vitest.config.ts'),
      // Only the exercises: the pack's tooling tests are a project of their own in the config.
      // The UI lists files by path, which is course order (NN-slug).
      project: 'exercises',
      watch: true,
      ui: true,
      open: false,
      ...(options.port ? { api: { port: options.port } } : {}),
    },
    {},
    // A stdin that is not a terminal keeps vitest's own keyboard shortcuts off.
    { stdout: sink, stderr: sink, stdin: new PassThrough() as unknown as NodeJS.ReadStream },
  );
  // The port actually bound: vite moves on to the next one when the configured port is taken.
  const address = vitest.vite.httpServer?.address();
  const port =
    address && typeof address === 'object' ? address.port : vitest.vite.config.server.port;
  const url = `http://localhost:${port}${vitest.config.uiBase}`;
  const c = renderOptions().colors;
  print(`${c.bold('Vitest UI')} on the exercises: ${c.cyan(url)}`);
  print(c.dim('It re-runs the tests on every save. Ctrl-C stops it.'));
  // The URL is printed first: the first run of every exercise takes a while.
  void vitest.start().catch((err: Error) => print(c.red(`vitest: ${err.message}`)));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await vitest.close();
  return 0;
}
