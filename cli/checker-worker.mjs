// Entry of the checker's worker thread: Node 20 gives a worker none of its parent's loader
// hooks, so it registers tsx itself before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./checker-worker.ts');
