import type { GenericHit } from "./generic-detector.js";
import { analyzeName } from "./secret-name.js";
import { judge } from "./judge.js";

// Credentials kept in Markdown tables (runbooks, wiki pages, onboarding notes):
//
//   | Environment | User  | Password |
//   |-------------|-------|----------|
//   | staging     | admin | …        |
//
// The value has no name of its own on its line; the column header names it. A
// table is a header row, a delimiter row of dashes (GitHub Flavored Markdown
// spec, "Tables (extension)": https://github.github.com/gfm/#tables-extension-),
// then body rows until a line without a pipe. Each cell under a header that names
// a secret is judged under that name, in the docs context.

/** A generic detector's hit without its rule id (the engine names it by kind). */
export type TableHit = Omit<GenericHit, "ruleId">;

const DELIMITER = /^[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;

/** The cells of a table row with their offsets in `text` (the row starts at `at`). */
function cells(row: string, at: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let i = 0;
  while (i < row.length && (row[i] === " " || row[i] === "\t")) i++;
  if (row[i] === "|") i++;
  let from = i;
  for (; i <= row.length; i++) {
    if (i === row.length || (row[i] === "|" && row[i - 1] !== "\\")) {
      const raw = row.slice(from, i);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (i < row.length || trimmed !== "") out.push({ text: trimmed, start: at + from + lead });
      from = i + 1;
    }
  }
  return out;
}

/** A delimiter row may be in the text (cheap searches; the rows are parsed only then). */
export function mayHoldTable(text: string): boolean {
  return text.includes("|") && (text.includes("|--") || text.includes("| --") || text.includes("|:-") || text.includes("| :-") || text.includes("-|") || text.includes("- |"));
}

export function detectTableCells(text: string): TableHit[] {
  const hits: TableHit[] = [];
  const lines = text.split("\n");
  let offset = 0;
  const starts: number[] = [];
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line.includes("-") || !DELIMITER.test(line.replace(/\r$/, "")) || !lines[n - 1]!.includes("|")) continue;
    const header = cells(lines[n - 1]!.replace(/\r$/, ""), starts[n - 1]!);
    const secretColumns = header.map((h) => (namesSecretColumn(h.text.replace(/[`*_]/g, " ").trim()) ? h.text : null));
    if (!secretColumns.some((c) => c !== null)) continue;
    for (let r = n + 1; r < lines.length && r < n + 500; r++) {
      const row = lines[r]!.replace(/\r$/, "");
      if (!row.includes("|")) break;
      const values = cells(row, starts[r]!);
      for (let c = 0; c < values.length && c < secretColumns.length; c++) {
        const name = secretColumns[c];
        if (name == null) continue;
        let { text: value, start } = values[c]!;
        // `code spans` hold the value as typed.
        if (value.length > 2 && value.startsWith("`") && value.endsWith("`")) {
          value = value.slice(1, -1);
          start += 1;
        }
        if (value.length < 4 || value.length > 500) continue;
        const verdict = judge(name, value, "docs", false, true);
        if (!verdict.secret) continue;
        hits.push({ kind: verdict.kind, name, secret: value, start, end: start + value.length, confidence: verdict.confidence, reason: `in the ${name} column of a Markdown table; ${verdict.reason.replace(/^name .*? and /, "")}` });
      }
    }
  }
  return hits;
}

/** Whether a table's header cell names a secret column (HTML tables too: html-table.ts). A weak name (`KEY`) is not enough without a name of its own. */
export function namesSecretColumn(header: string): boolean {
  const a = analyzeName(header);
  return a.strength !== "none" && a.strength !== "weak" && !a.negative;
}
