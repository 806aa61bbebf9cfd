import type { Cell, Table } from "./types.js";

// Plain-text tables for a terminal or a Markdown file: the output of
// `npm run bench` is pasted into docs/benchmarks.md as-is, so tables are
// GitHub-flavoured Markdown with padded columns (readable raw and rendered).

/** Numbers: integers with thousands separators, others with 3 significant digits (at least 1 decimal below 100). */
export function formatCell(cell: Cell): string {
  if (cell === null) return "–";
  if (typeof cell === "string") return cell;
  if (!Number.isFinite(cell)) return String(cell);
  if (Number.isInteger(cell)) return cell.toLocaleString("en-US");
  const abs = Math.abs(cell);
  if (abs >= 100) return Math.round(cell).toLocaleString("en-US");
  if (abs >= 10) return cell.toFixed(1);
  if (abs >= 1) return cell.toFixed(2);
  return cell.toPrecision(2);
}

function isNumeric(cell: Cell): boolean {
  return typeof cell === "number";
}

/** A cell's width in terminal columns; counts code points, not UTF-16 units ("≤", "–" are one column). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
}

export function renderTable(table: Table): string {
  const cells = table.rows.map((row) => table.columns.map((_, i) => formatCell(row[i] ?? null).replace(/\|/g, "\\|")));
  // A column is right-aligned when every non-empty cell in it is a number.
  const numeric = table.columns.map((_, i) =>
    table.rows.length > 0 && table.rows.every((row) => row[i] === null || row[i] === undefined || isNumeric(row[i] ?? null)),
  );
  const widths = table.columns.map((name, i) => Math.max(3, width(name), ...cells.map((row) => width(row[i] ?? ""))));
  const line = (values: string[]) =>
    `| ${values.map((v, i) => pad(v, widths[i] ?? 3, numeric[i] ?? false)).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${"-".repeat(w + 1)}:` : `${"-".repeat(w + 2)}`)).join("|")}|`;
  const out = [`### ${table.title}`, "", line(table.columns), rule, ...cells.map(line)];
  if (table.notes && table.notes.length > 0) out.push("", ...table.notes.map((n) => `- ${n}`));
  return `${out.join("\n")}\n`;
}
