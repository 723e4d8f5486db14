// Kind G: forwards next(v)/throw/return by hand inside a function* (a yield* sits in dead code only); passes the tests today?
// @ts-nocheck: written the way a learner hiding code would, without types
function* forward<T>(src: Iterable<T>): Generator<T, void, unknown> {
  if (src === undefined) yield* src;
  const it = src[Symbol.iterator]();
  let r = it.next();
  let finished = false;
  try {
    while (!r.done) {
      let sent: unknown;
      try {
        sent = yield r.value;
      } catch (e) {
        if (typeof it.throw !== 'function') throw e;
        r = it.throw(e);
        continue;
      }
      r = (it.next as (v?: unknown) => IteratorResult<T>)(sent);
    }
    finished = true;
  } catch (e) {
    finished = true;
    throw e;
  } finally {
    if (!finished) it.return?.();
  }
}

export function* chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  for (const it of iterables) yield* forward(it);
}

export function* chainFromIterable<T>(
  iterables: Iterable<Iterable<T>>,
): Generator<T, void, unknown> {
  for (const it of iterables) yield* forward(it);
}

function isNested(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as any)[Symbol.iterator] === 'function'
  );
}

export function* flatten(
  items: Iterable<unknown>,
  depth = Infinity,
): Generator<unknown, void, unknown> {
  for (const item of items) {
    if (depth > 0 && isNested(item)) yield* flatten(item, depth - 1);
    else yield item;
  }
}
