/** "1 secret", "2 secrets": a count and its noun (`many` for a plural that is not noun + s). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
