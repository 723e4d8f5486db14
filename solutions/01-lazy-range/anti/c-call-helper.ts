// Kind C: the function* yields values computed by a helper reached with .call that holds a pre-built chunk buffer (eager in chunks of 1e6 via a string); tests: memory test decides
const helper = {
  fill(this: { buf: string }, from: number, stop: number, step: number, n: number) {
    let s = '';
    let v = from;
    for (let i = 0; i < n && (step > 0 ? v < stop : v > stop); i++, v += step) s += v + ',';
    this.buf = s;
    return v;
  },
};

export function* range(a: number, b?: number, s = 1): Generator<number, void, unknown> {
  const from0 = b === undefined ? 0 : a;
  const stop = +(b === undefined ? a : b);
  if (s === 0) throw new RangeError('step 0');
  const box = { buf: '' };
  let from = from0;
  for (;;) {
    const next = helper.fill.call(box, from, stop, s, 1 << 16);
    if (box.buf === '') return;
    for (const part of box.buf.slice(0, -1).split(',')) yield Number(part);
    from = next;
  }
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
