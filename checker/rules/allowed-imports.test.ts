import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'allowed-imports';
const SIBLINGS = { 'impl.ts': 'export const a = 1;', 'sub/index.ts': 'export const x = 1;' };
const imports = (src: string) => run(RULE, src, {}, { siblings: SIBLINGS });

describe('allowed-imports', () => {
  describe('catches', () => {
    it.each([
      ['a node: builtin', "import { readFileSync } from 'node:fs';"],
      ['a bare builtin', "import fs from 'fs';"],
      ['a package', "import { it } from 'vitest';"],
      ['a file outside the folder', "import { spied } from '../../lib/testing';"],
      ['a query suffix (vite loads it as something else)', "import a from './impl.ts?raw';"],
      ['a data: URL', "export const m = import('data:text/javascript,export default 1');"],
      ['a re-export from a package', "export { z } from 'zod';"],
      ['a side-effect import', "import 'node:process';"],
      ['a dynamic import', "export const m = import('node:fs');"],
      ['a computed dynamic import', 'declare const name: string;\nexport const m = import(name);'],
      ['require', "declare const require: any;\nexport const fs = require('fs');"],
      ['import = require', "import fs = require('fs');"],
    ])('%s', (_, src) => expect(imports(src)).toEqual([`${RULE}@${src.split('\n').length}`]));
  });
  describe('accepts', () => {
    it.each([
      ['a sibling', "import { a } from './impl';"],
      ['a sibling with .ts', "import { a } from './impl.ts';"],
      ['a sibling with .js', "export * from './impl.js';"],
      ['a folder index', "import { x } from './sub';"],
      ['a file in a subfolder', "import { x } from './sub/index.js';"],
      ['a dynamic import of a sibling', "export const m = import('./impl');"],
      ['a type-only import from anywhere', "import type { EventEmitter } from 'node:events';"],
      ['a type-only re-export', "export type { Foo } from 'somewhere';"],
      [
        'imports mentioned in comments and strings',
        "// import fs from 'node:fs'\nexport const s = \"require('fs')\";",
      ],
    ])('%s', (_, src) => expect(imports(src)).toEqual([]));
  });
  it('applies to the sibling files the checked file imports', () => {
    const siblings = { 'impl.ts': "import { readFileSync } from 'node:fs';\nexport const a = 1;" };
    const found = run(RULE, "import { a } from './impl';", {}, { siblings });
    expect(found).toEqual([`${RULE}@1`]);
  });
});
