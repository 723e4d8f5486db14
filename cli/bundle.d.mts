/** File URLs of the entry modules of the CLI's build. */
export interface Build {
  main: string;
  checkerWorker: string;
}
export const CACHE: string;
/** Tells this copy of the pack from others sharing node_modules. */
export const ROOT_ID: string;
export function cliBuild(cache?: string): Promise<Build>;
