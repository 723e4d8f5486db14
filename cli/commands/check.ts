/** `kata check [DIR]`: the generator checker on learner files (checker/index.ts does the work). */
export async function check(
  dir: string | undefined,
  options: { exercise?: string; json?: boolean },
): Promise<number> {
  const { runCheckCommand } = await import('../../checker/index.ts');
  return runCheckCommand(dir, options);
}
