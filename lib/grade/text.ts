/** Caps on learner text in reports, so one noisy submission cannot swell them. */

/** Per test message, per finding, per reason. */
export const MESSAGE_CAP = 500;
/** What one exercise's tests printed. */
export const OUTPUT_PER_EXERCISE = 2000;
/**
 * Output one exercise may print before its run is stopped as a flood (`crashed`): far above what
 * any kata prints, far below what would clog the grader or fill the heap with buffered lines.
 */
export const FLOOD_BYTES = 16 * 1024 * 1024;

/**
 * `text` cut to `max` characters with a visible marker saying how much was cut.
 * @example cut('abcdef', 3) // 'abc… [3 more characters cut]'
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… [${text.length - max} more characters cut]`;
}
