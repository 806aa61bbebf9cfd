/** "1 secret", "2 secrets": a count and its noun (`many` for a plural that is not noun + s). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a generic-password", "an aws-secret-access-key": a rule id or noun with its indefinite article (by its first letter). */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}
