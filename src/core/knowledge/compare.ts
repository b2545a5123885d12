/** Orders ids by UTF-16 code units: deterministic and independent of the locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
