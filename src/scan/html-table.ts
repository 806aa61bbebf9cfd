import { judge } from "./judge.js";
import { namesSecretColumn, type TableHit } from "./markdown-table.js";

// Credentials kept in HTML tables: Confluence and other wiki exports, saved
// intranet pages, HTML runbooks ("Shared accounts: System | User | Password").
// As in Markdown tables (markdown-table.ts), the value has no name of its own:
// the header cell of its column (<th>, HTML Living Standard §4.9.10) names it.
// A table's first row of <th> cells is its header; each later row's <td> cells
// are judged under their column's header, in the docs context. Cells whose
// text holds markup other than a wrapping <code>/<span>/<strong> tag, or a
// character reference, are skipped: the value would not be the text as typed.

// An element runs to its end tag or to the next start tag of its kind: HTML lets `</tr>` and `</td>` be
// left out (HTML Living Standard §13.1.2.4), and a lazy match that needs the end tag rescans the rest of
// the table from every `<tr` that has none (quadratic in the table's size).
const TABLE = /<table\b[^>]*>((?:(?!<\/?table\b)[\s\S])*)/gi;
const ROW = /<tr\b[^>]*>((?:(?!<\/?tr\b)[\s\S])*)/gi;
const CELL = /<t([hd])\b[^>]*>((?:(?!<\/?t[hd]\b)[\s\S])*)/gi;
const WRAPPER = /^<(code|span|strong|b|kbd|tt|samp)\b[^>]*>([^<]*)<\/\1\s*>$/i;

/** `<th` and `<td` may be in the text (a cheap search; the tables are parsed only then). */
export function mayHoldHtmlTable(text: string): boolean {
  return text.includes("<th") && text.includes("<td");
}

export function detectHtmlTableCells(text: string): TableHit[] {
  const hits: TableHit[] = [];
  let t: RegExpExecArray | null;
  TABLE.lastIndex = 0;
  while ((t = TABLE.exec(text)) !== null) {
    const tableStart = t.index + t[0].indexOf(">") + 1;
    let columns: Array<string | null> | null = null;
    let r: RegExpExecArray | null;
    ROW.lastIndex = 0;
    while ((r = ROW.exec(t[1]!)) !== null) {
      const rowStart = tableStart + r.index + r[0].indexOf(">") + 1;
      const cells: Array<{ header: boolean; inner: string; start: number }> = [];
      let c: RegExpExecArray | null;
      CELL.lastIndex = 0;
      while ((c = CELL.exec(r[1]!)) !== null) {
        cells.push({ header: c[1]!.toLowerCase() === "h", inner: c[2]!, start: rowStart + c.index + c[0].indexOf(">") + 1 });
      }
      if (columns === null) {
        if (!cells.some((x) => x.header)) continue;
        columns = cells.map((x) => {
          const name = x.inner.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
          return name.length <= 60 && namesSecretColumn(name) ? name : null;
        });
        if (!columns.some((n) => n !== null)) break;
        continue;
      }
      for (let i = 0; i < cells.length && i < columns.length; i++) {
        const name = columns[i];
        if (name == null || cells[i]!.header) continue;
        let { inner, start } = cells[i]!;
        const lead = inner.length - inner.trimStart().length;
        inner = inner.trim();
        start += lead;
        const wrapped = WRAPPER.exec(inner);
        if (wrapped) {
          start += inner.indexOf(">") + 1;
          inner = wrapped[2]!;
        }
        if (/[<>&]/.test(inner) || inner.length < 4 || inner.length > 500) continue;
        const verdict = judge(name, inner, "docs", false, true);
        if (!verdict.secret) continue;
        hits.push({ kind: verdict.kind, name, secret: inner, start, end: start + inner.length, confidence: verdict.confidence, reason: `in the ${name} column of an HTML table; ${verdict.reason.replace(/^name .*? and /, "")}` });
      }
    }
  }
  return hits;
}
