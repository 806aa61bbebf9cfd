import type { ReportSummary } from "./migration-summary.js";

// Inline SVG bar chart of secrets by kind, each bar split by environment: no
// script, no external asset, readable printed in grey (every segment has a
// count label and the legend repeats the colours with names).

const PALETTE = ["#2563eb", "#0d9488", "#d97706", "#7c3aed", "#db2777", "#65a30d", "#0891b2", "#9333ea", "#475569"];

export function escapeXml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function environmentColours(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n, i) => [n, PALETTE[i % PALETTE.length]!]));
}

export function kindChart(summary: ReportSummary): string {
  const rows = summary.byKind;
  if (rows.length === 0) return "";
  const colours = environmentColours(summary.environmentNames);
  const labelWidth = 170;
  const barArea = 420;
  const rowHeight = 30;
  const top = 8;
  const legendHeight = 34;
  const width = labelWidth + barArea + 60;
  const height = top + rows.length * rowHeight + legendHeight;
  const max = Math.max(...rows.map((r) => r.count));
  const unit = barArea / max;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="chart-title" class="chart">`,
    `<title id="chart-title">Secrets by kind and environment</title>`,
  );
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    parts.push(`<text x="${labelWidth - 10}" y="${y + 15}" text-anchor="end" class="chart-label">${escapeXml(r.kind)}</text>`);
    let x = labelWidth;
    for (const env of summary.environmentNames) {
      const n = r.byEnvironment[env] ?? 0;
      if (n === 0) continue;
      const w = n * unit;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y + 2}" width="${Math.max(w - 1.5, 1).toFixed(1)}" height="${rowHeight - 10}" rx="3" fill="${colours[env]}"><title>${escapeXml(`${r.kind} · ${env}: ${n}`)}</title></rect>`);
      if (w >= 18) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + 16}" text-anchor="middle" class="chart-in">${n}</text>`);
      x += w;
    }
    parts.push(`<text x="${(x + 8).toFixed(1)}" y="${y + 16}" class="chart-total">${r.count}</text>`);
  });
  let lx = labelWidth;
  const ly = top + rows.length * rowHeight + 14;
  for (const env of summary.environmentNames) {
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" rx="2" fill="${colours[env]}"/>`, `<text x="${lx + 17}" y="${ly}" class="chart-legend">${escapeXml(env)}</text>`);
    lx += 30 + env.length * 7.5;
  }
  parts.push("</svg>");
  return parts.join("\n");
}
