/**
 * Unpacks a student's .zip with yauzl, refusing what could escape or swell: names that leave the
 * target (yauzl rejects absolute paths and `..`), links, and more than a cap of files or bytes.
 * The sizes are checked as the bytes arrive, not taken from the zip's own headers.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { SubmissionError } from './stage.ts';

export const ZIP_MAX_ENTRIES = 2000;
export const ZIP_MAX_BYTES = 50 * 1024 * 1024;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export interface ZipLimits {
  maxEntries: number;
  maxBytes: number;
}

export async function unzipSubmission(
  zipPath: string,
  target: string,
  limits: ZipLimits = { maxEntries: ZIP_MAX_ENTRIES, maxBytes: ZIP_MAX_BYTES },
): Promise<void> {
  mkdirSync(target, { recursive: true });
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, strictFileNames: true });
  } catch (err) {
    throw new SubmissionError(`not a readable zip: ${(err as Error).message}`);
  }
  let entries = 0;
  let bytes = 0;
  try {
    await new Promise<void>((done, fail) => {
      zip.on('error', (err: Error) => fail(new SubmissionError(`corrupt zip: ${err.message}`)));
      zip.on('end', () => done());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          if (++entries > limits.maxEntries)
            throw new SubmissionError(`the zip holds more than ${limits.maxEntries} files`);
          const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
          if (mode === S_IFLNK)
            throw new SubmissionError(
              `the zip holds a link (${entry.fileName}): links are refused`,
            );
          const path = resolve(target, entry.fileName);
          if (path !== target && !path.startsWith(target + sep))
            throw new SubmissionError(`the zip's entry ${entry.fileName} leaves its folder`);
          if (entry.fileName.endsWith('/')) {
            mkdirSync(path, { recursive: true });
          } else {
            mkdirSync(dirname(path), { recursive: true });
            const stream = await zip.openReadStreamPromise(entry);
            const counter = new Transform({
              transform(chunk: Buffer, _enc, next) {
                bytes += chunk.length;
                if (bytes > limits.maxBytes)
                  next(
                    new SubmissionError(
                      `the zip unpacks to more than ${Math.ceil(limits.maxBytes / 2 ** 20)} MiB`,
                    ),
                  );
                else next(null, chunk);
              },
            });
            await pipeline(stream, counter, createWriteStream(path, { flags: 'wx' }));
          }
          zip.readEntry();
        })().catch((err: Error) =>
          fail(
            err instanceof SubmissionError
              ? err
              : new SubmissionError(`corrupt zip: ${err.message}`),
          ),
        );
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
