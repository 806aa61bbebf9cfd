import { test } from "node:test";
import assert from "node:assert/strict";
import { detectHtmlTableCells, mayHoldHtmlTable } from "./html-table.js";

// Built at run time so that scanning this repository stays clean.
const PW = ["Mead", "ow-Gl", "acier", "67#2"].join("");
const KEY = ["f8Kq2LmZ", "9xR4tV7b", "N3cW6yH1"].join("");

test("a cell under a Password or Token header of an HTML table (a Confluence export) is judged under that name", () => {
  const text = [
    "<html><body><div class=\"wiki-content\">",
    "<table class=\"confluenceTable\"><tbody>",
    "<tr><th class=\"confluenceTh\">System</th><th>User</th><th>Password</th></tr>",
    `<tr><td>Grafana</td><td>admin</td><td>${PW}</td></tr>`,
    "<tr><td>Jenkins</td><td>ops</td><td>ask in 1Password</td></tr>",
    "<tr><td>Demo</td><td>demo</td><td>password</td></tr>",
    "</tbody></table>",
    "<table><tr><th>Service</th><th>API token</th></tr>",
    `<tr><td>ci</td><td>\n  <code>${KEY}</code>\n</td></tr>`,
    "<tr><td>masked</td><td><code>••••••••</code></td></tr></table>",
    "</div></body></html>",
  ].join("\n");
  assert.ok(mayHoldHtmlTable(text));
  const hits = detectHtmlTableCells(text);
  assert.deepEqual(hits.map((h) => [h.name, h.secret, text.slice(h.start, h.end)]), [["Password", PW, PW], ["API token", KEY, KEY]]);
});

test("HTML tables whose headers name no secret, cells with markup inside and text without tables give nothing", () => {
  assert.deepEqual(detectHtmlTableCells(`<table><tr><th>Name</th><th>Id</th></tr><tr><td>a</td><td>${KEY}</td></tr></table>`), []);
  assert.deepEqual(detectHtmlTableCells(`<table><tr><th>Password</th></tr><tr><td><a href="/x">${PW}</a></td></tr></table>`), []);
  assert.deepEqual(detectHtmlTableCells(`<table><tr><th>Password</th></tr><tr><td>${PW}&amp;x</td></tr></table>`), []);
  assert.equal(mayHoldHtmlTable(`<p>password: ${PW}</p>`), false);
});

test("rows and cells whose end tags are left out (valid HTML) are read, to the last row of a long table", () => {
  const text = `<table><tr><th>User<th>Password\n<tr><td>admin<td>${PW}\n</table>`;
  const hits = detectHtmlTableCells(text);
  assert.deepEqual(hits.map((h) => [h.name, h.secret, text.slice(h.start, h.end)]), [["Password", PW, PW]]);
  // 20,000 rows without </tr>, only the last row's cell a secret (how fast it
  // reads them is a benchmark's business, not a test's).
  const rows = Array.from({ length: 20000 }, (_, i) => `<tr><td>user${i}<td>value${i}\n`).join("");
  const big = `<table><tr><th>User</th><th>Password</th></tr>\n${rows}<tr><td>last<td>${PW}\n</table>\n`;
  const found = detectHtmlTableCells(big);
  assert.deepEqual(found.filter((h) => h.secret === PW).map((h) => [h.name, big.slice(h.start, h.end)]), [["Password", PW]]);
});
