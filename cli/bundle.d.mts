/** File URLs of the entry modules of the CLI's build. */
export interface Build {
  main: string;
  checkerWorker: string;
}
export const CACHE: string;
export function cliBuild(cache?: string): Promise<Build>;
