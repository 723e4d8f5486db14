import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const agen = (source: string) => run('async-generator-function', source, { export: 'stream' });

describe('async-generator-function', () => {
  it('catches a sync generator, an async function and a class', () => {
    expect(agen('export function* stream() {}')).toEqual(['async-generator-function@1']);
    expect(agen('export async function stream() {}')).toEqual(['async-generator-function@1']);
    expect(agen('export class stream {}')).toEqual(['async-generator-function@1']);
  });
  it('catches a missing export', () => {
    expect(agen('export async function* other() {}')).toEqual(['async-generator-function@1']);
  });
  it('accepts an async generator however it is exported', () => {
    expect(agen('export async function* stream() {}')).toEqual([]);
    expect(agen('export const stream = async function* () {};')).toEqual([]);
    expect(agen('async function* s() {}\nexport { s as stream };')).toEqual([]);
    expect(
      agen('export const O = { async *stream() {} };\nexport const stream = O.stream;'),
    ).toEqual([]);
  });
  it('reports what it cannot follow as unverifiable', () => {
    expect(agen('declare const make: () => any;\nexport const stream = make();')).toEqual([
      'unverifiable@2',
    ]);
  });
});
