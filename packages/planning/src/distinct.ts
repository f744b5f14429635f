/** Whether no item of `list` appears twice (for `.refine` on id and code lists). */
export function isDistinct(list: readonly unknown[]): boolean {
  return new Set(list).size === list.length;
}
