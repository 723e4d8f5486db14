// function* declarations kept private, exported through default+named mixes
function* rangeGen(a: number, b?: number, s = 1): Generator<number, void, unknown> {
  const start = b === undefined ? 0 : a;
  const stop = b === undefined ? a : b;
  if (s === 0) throw new RangeError('range() step must not be zero');
  const direction = Math.sign(s);
  for (let x = start; direction * (stop - x) > 0; x += s) yield x;
}

function* countGen(start = 0, step = 1): Generator<number, never, unknown> {
  for (let x = start; ; x += step) yield x;
}

export { rangeGen as range, countGen as count };
export default rangeGen;
