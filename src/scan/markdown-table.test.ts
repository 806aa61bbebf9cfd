import { test } from "node:test";
import assert from "node:assert/strict";
import { detectTableCells, mayHoldTable } from "./markdown-table.js";

// Built at run time so that scanning this repository stays clean.
const PW = ["Mead", "ow-Gl", "acier", "67#2"].join("");
const TOKEN = ["u+9fK", "q2LmZ", "xR4tV", "7bN3c"].join("");

test("a cell under a Password or Token column of a Markdown table is judged under that name", () => {
  const text = [
    "# Environments",
    "",
    "| Environment | Admin user | Password |",
    "|---|---|---|",
    `| staging | admin | ${PW} |`,
    "| prod | admin | see 1Password \"Prod admin\" |",
    "| demo | demo | `<ask in #ops>` |",
    "",
    "| Service | Token |",
    "|:--------|:-----:|",
    `| pagerduty | \`${TOKEN}\` |`,
    "| example | `xxxxxxxxxxxxxxxxxxxx` |",
    "",
  ].join("\n");
  assert.ok(mayHoldTable(text));
  const hits = detectTableCells(text);
  assert.deepEqual(hits.map((h) => h.secret), [PW, TOKEN]);
  for (const h of hits) assert.equal(text.slice(h.start, h.end), h.secret);
});

test("tables without a secret column, and pipes outside tables, give nothing", () => {
  assert.deepEqual(detectTableCells(`| Name | Value |\n|---|---|\n| region | ${PW} |\n`), []);
  assert.deepEqual(detectTableCells(`Password | ${PW}\n`), []);
  assert.equal(mayHoldTable("a | b\nno delimiter\n"), false);
});
