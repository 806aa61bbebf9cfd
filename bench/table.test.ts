import { test } from "node:test";
import assert from "node:assert/strict";
import { formatCell, renderTable } from "./table.js";

test("formatCell: integers get separators, fractions three significant digits, null a dash", () => {
  assert.equal(formatCell(1234567), "1,234,567");
  assert.equal(formatCell(151.6), "152");
  assert.equal(formatCell(42.04), "42.0");
  assert.equal(formatCell(3.14159), "3.14");
  assert.equal(formatCell(0.01234), "0.012");
  assert.equal(formatCell(null), "–");
  assert.equal(formatCell("x"), "x");
});

test("renderTable: padded Markdown, numeric columns right-aligned, pipes escaped, notes listed", () => {
  const text = renderTable({
    title: "Scan",
    columns: ["tool", "MB/s"],
    rows: [
      ["vaultshift", 150.5],
      ["a|b", 9],
    ],
    notes: ["target ≥ 150"],
  });
  assert.equal(
    text,
    [
      "### Scan",
      "",
      "| tool       | MB/s |",
      "|------------|-----:|",
      "| vaultshift |  151 |",
      "| a\\|b       |    9 |",
      "",
      "- target ≥ 150",
      "",
    ].join("\n"),
  );
});

test("renderTable: a column with a text cell is left-aligned; missing cells print a dash", () => {
  const text = renderTable({ title: "T", columns: ["n", "v"], rows: [[1, "ok"], [2]] });
  const lines = text.split("\n");
  assert.equal(lines[3], "|----:|-----|");
  assert.equal(lines[5], "|   2 | –   |");
});
