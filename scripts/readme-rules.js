#!/usr/bin/env node
// Writes the README's rule list (between <!-- rules:start --> and <!-- rules:end -->)
// from the rules' own metadata, so the README cannot drift from the code:
// `npm run build && node scripts/readme-rules.js` (`--check` exits 1 when stale).
import { readFileSync, writeFileSync } from "node:fs";
import { ruleFamilies, allRules } from "../dist/rules/index.js";

const readmePath = new URL("../README.md", import.meta.url);
const lines = [
  `${allRules.length} provider rules in ${ruleFamilies.length} families (\`rules/*.ts\`), each with its own`,
  "examples that the tests run, a linear-time pattern (tested with pathological input), a keyword",
  "pre-filter and, where the format has one, a checksum (GitHub and npm tokens carry a CRC32):",
  "",
  "| Family | Rules | Ids |",
  "|---|---|---|",
  ...ruleFamilies.map(({ family, rules }) => `| ${family} | ${rules.length} | ${rules.map((r) => `\`${r.id}\``).join(", ")} |`),
];
const readme = readFileSync(readmePath, "utf8");
const start = "<!-- rules:start -->";
const end = "<!-- rules:end -->";
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i === -1 || j < i) {
  console.error("readme-rules: README.md has no <!-- rules:start --> … <!-- rules:end --> section.");
  process.exit(2);
}
const next = `${readme.slice(0, i + start.length)}\n${lines.join("\n")}\n${readme.slice(j)}`;
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error("README.md's rule list is stale: run `node scripts/readme-rules.js`.");
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, next);
}
