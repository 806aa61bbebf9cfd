import type { Prng } from "./fake-secrets.js";

// Plausible, secret-free source text for the synthetic git repositories of the
// --staged and --history benchmarks: JavaScript modules, JSON config and
// Markdown, built from word lists with a seeded PRNG so every run is identical.

const verbs = ["load", "parse", "render", "fetch", "update", "build", "resolve", "format", "validate", "merge", "compute", "handle"];
const nouns = ["order", "user", "invoice", "session", "cart", "report", "item", "price", "address", "payment", "event", "profile"];
const words = ["the", "value", "is", "cached", "for", "each", "request", "when", "retries", "are", "exhausted", "we", "fall", "back", "to", "defaults"];

const cap = (s: string) => s[0]?.toUpperCase() + s.slice(1);

export function identifier(rng: Prng): string {
  return `${rng.pick(verbs)}${cap(rng.pick(nouns))}`;
}

/** One JavaScript function of 4–12 lines. */
export function jsFunction(rng: Prng): string[] {
  const name = identifier(rng);
  const a = rng.pick(nouns);
  const lines = [`export function ${name}(${a}, options = {}) {`];
  const body = 2 + rng.int(9);
  for (let i = 0; i < body; i++) {
    const kind = rng.int(5);
    if (kind === 0) lines.push(`  // ${Array.from({ length: 4 + rng.int(6) }, () => rng.pick(words)).join(" ")}`);
    else if (kind === 1) lines.push(`  const ${rng.pick(nouns)}${i} = ${a}.${rng.pick(nouns)} ?? options.${rng.pick(nouns)};`);
    else if (kind === 2) lines.push(`  if (!${a}) throw new TypeError("${name}: missing ${a}");`);
    else if (kind === 3) lines.push(`  const total${i} = ${a}.items.reduce((sum, x) => sum + x.${rng.pick(nouns)} * ${1 + rng.int(9)}, 0);`);
    else lines.push(`  log.debug("${rng.pick(verbs)} %s", ${a}.id);`);
  }
  lines.push(`  return ${a};`, "}", "");
  return lines;
}

export function jsModule(rng: Prng, functions = 3 + rng.int(10)): string[] {
  const lines = [`import { log } from "./log.js";`, `import { ${identifier(rng)} } from "./${rng.pick(nouns)}.js";`, ""];
  for (let i = 0; i < functions; i++) lines.push(...jsFunction(rng));
  return lines;
}

export function jsonConfig(rng: Prng): string[] {
  return [
    "{",
    `  "name": "${rng.pick(nouns)}-service",`,
    `  "port": ${3000 + rng.int(1000)},`,
    `  "retries": ${rng.int(6)},`,
    `  "region": "${rng.pick(["eu-west-1", "us-east-1", "ap-south-1"])}",`,
    `  "features": { "${rng.pick(nouns)}": ${rng.int(2) === 0} }`,
    "}",
  ];
}

export function markdown(rng: Prng): string[] {
  const lines = [`# ${cap(rng.pick(nouns))} service`, ""];
  for (let i = 0; i < 5 + rng.int(10); i++) lines.push(Array.from({ length: 8 + rng.int(10) }, () => rng.pick(words)).join(" ") + ".");
  return lines;
}
