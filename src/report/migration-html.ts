import type { ReportInput, ReportSecret } from "../plan/types.js";
import { environmentColours, escapeXml as esc, kindChart } from "./migration-chart.js";
import { summarize, vaultLocation, type ReportSummary } from "./migration-summary.js";

// The compliance report as one self-contained HTML file for a security
// reviewer: inline CSS, an inline SVG chart, no script, no external asset
// (it opens from a mail attachment or an air-gapped share). Everything that
// comes from the project is HTML-escaped.

const CSS = `
:root { --fg:#0f172a; --muted:#64748b; --line:#e2e8f0; --bg:#f8fafc; --card:#fff; --good:#15803d; --good-bg:#f0fdf4; --bad:#b91c1c; --bad-bg:#fef2f2; --warn:#b45309; --warn-bg:#fffbeb; --accent:#2563eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1200px; margin: 0 auto; padding: 32px 28px 48px; }
header { display: flex; justify-content: space-between; align-items: flex-end; gap: 24px; border-bottom: 1px solid var(--line); padding-bottom: 16px; }
header h1 { margin: 0; font-size: 24px; letter-spacing: -0.01em; }
header .sub { color: var(--muted); margin-top: 2px; }
header dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0; font-size: 12.5px; color: var(--muted); text-align: right; }
header dt { text-align: right; } header dd { margin: 0; color: var(--fg); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; text-align: left; }
.verdict { display: flex; gap: 16px; align-items: center; margin: 24px 0; padding: 18px 22px; border-radius: 10px; border: 1px solid; }
.verdict .mark { flex: none; width: 40px; height: 40px; border-radius: 50%; display: grid; place-items: center; font-size: 22px; font-weight: 700; color: #fff; }
.verdict h2 { margin: 0; font-size: 20px; } .verdict p { margin: 2px 0 0; }
.good { background: var(--good-bg); border-color: #bbf7d0; } .good .mark { background: var(--good); } .good h2 { color: var(--good); }
.bad { background: var(--bad-bg); border-color: #fecaca; } .bad .mark { background: var(--bad); } .bad h2 { color: var(--bad); }
.warn { background: var(--warn-bg); border-color: #fde68a; } .warn .mark { background: var(--warn); } .warn h2 { color: var(--warn); }
.rotate { margin: -8px 0 24px; padding: 10px 16px; border-left: 4px solid var(--warn); background: var(--warn-bg); border-radius: 0 8px 8px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 12px; margin-bottom: 28px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card .n { font-size: 26px; font-weight: 650; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card .l { color: var(--muted); font-size: 12.5px; margin-top: 4px; }
.card.alert .n { color: var(--bad); } .card.ok .n { color: var(--good); }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-bottom: 20px; }
section h2 { margin: 0 0 4px; font-size: 16px; display: flex; align-items: center; gap: 10px; }
section > p.note { margin: 0 0 12px; color: var(--muted); }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; background: #eef2ff; color: #3730a3; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th { text-align: left; font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; border-bottom: 1px solid var(--line); padding: 6px 8px; }
td { border-bottom: 1px solid #f1f5f9; padding: 7px 8px; vertical-align: top; }
tr:last-child td { border-bottom: none; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; background: #f1f5f9; padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
td.nw code, td.nw { white-space: nowrap; overflow-wrap: normal; }
.yes { color: var(--good); font-weight: 600; } .no { color: var(--bad); font-weight: 600; } .na { color: var(--muted); }
.kind { white-space: nowrap; }
.chart { max-width: 720px; display: block; }
.chart-label { font-size: 13px; fill: #334155; } .chart-in { font-size: 11px; fill: #fff; font-weight: 600; } .chart-total { font-size: 12px; fill: #334155; font-weight: 600; } .chart-legend { font-size: 12px; fill: #475569; }
ul.actions { margin: 0; padding-left: 18px; } ul.actions li { margin: 4px 0; }
footer { color: var(--muted); font-size: 12px; margin-top: 28px; }
@media print { body { background: #fff; } main { padding: 0; } section, .card { break-inside: avoid; border-color: #cbd5e1; } }
`;

function yn(v: boolean | null | undefined, yes = "yes", no = "no"): string {
  return v === true ? `<span class="yes">${yes}</span>` : v === false ? `<span class="no">${no}</span>` : `<span class="na">not checked</span>`;
}

function c(text: string | number): string {
  return `<code>${esc(text)}</code>`;
}

/** `nowrap`: column indexes whose cells must not wrap (names, fingerprints). */
/** A Vault location that may wrap after each `/` and before the `#key`. */
function loc(text: string): string {
  return `<code>${esc(text).replace(/\//g, "/<wbr>").replace(/#/g, "<wbr>#")}</code>`;
}

function table(head: string[], rows: string[][], nowrap: number[] = [0]): string {
  const cell = (x: string, i: number) => (nowrap.includes(i) ? `<td class="nw">${x}</td>` : `<td>${x}</td>`);
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("")}</tbody></table>`;
}

function secretRow(x: ReportSecret): string[] {
  return [
    c(x.name),
    `<span class="kind">${esc(x.kind)}</span>`,
    `${c(`${x.source.file}:${x.source.line}`)}${x.source.type === "literal" ? ` <span class="na">hard-coded</span>` : x.source.type === "file" ? ` <span class="na">a file ${esc(x.source.name)} names: deleted, written by vaultshift run at run time</span>` : ""}`,
    loc(vaultLocation(x)),
    x.target.version === null ? `<span class="na">–</span>` : esc(x.target.version),
    c(x.fingerprintPrefix),
    yn(x.verified),
    yn(x.readableByPolicy),
    x.inGitHistory === true ? `<span class="no">yes: rotate</span>` : x.inGitHistory === false ? `<span class="yes">no</span>` : `<span class="na">not checked</span>`,
  ];
}

function cards(input: ReportInput, s: ReportSummary): string {
  const remaining = input.rescan.findings.length;
  const card = (n: number, label: string, cls = "") => `<div class="card ${cls}"><div class="n">${esc(n)}</div><div class="l">${esc(label)}</div></div>`;
  return `<div class="cards">${[
    card(input.totals.secrets, "secrets moved to Vault"),
    card(input.totals.verified, "verified by read-back", input.totals.verified === input.totals.secrets && input.totals.secrets > 0 ? "ok" : ""),
    input.secrets.some((x) => x.readableByPolicy !== null)
      ? card(input.totals.readable, "readable with the app policy", input.totals.readable === input.totals.secrets ? "ok" : "alert")
      : `<div class="card"><div class="n na">–</div><div class="l">app policy not checked</div></div>`,
    card(input.totals.config, "left as plain config"),
    card(remaining, "found by the re-scan", remaining > 0 ? "alert" : "ok"),
    card(s.inHistory.length, "in git history: rotate", s.inHistory.length > 0 ? "alert" : ""),
    card(input.manualActions.length, "manual actions", input.manualActions.length > 0 ? "alert" : ""),
  ].join("")}</div>`;
}

export function renderHtml(input: ReportInput, toolVersion = ""): string {
  const s = summarize(input);
  const mark = s.verdict.tone === "good" ? "✓" : s.verdict.tone === "bad" ? "✕" : "!";
  const colours = environmentColours(s.environmentNames);
  const body: string[] = [];
  body.push(
    `<header><div><h1>Migration report: ${esc(input.app)}</h1><div class="sub">Secrets moved into HashiCorp Vault (KV v2) by vaultshift</div></div>`,
    `<dl><dt>Generated</dt><dd>${esc(input.generatedAt)}</dd><dt>Plan</dt><dd>${esc(input.planId.slice(0, 12))}</dd><dt>Vault</dt><dd>${esc(input.vault.address ?? "not recorded")}</dd><dt>Mount</dt><dd>${esc(input.vault.mount)}</dd><dt>App policy</dt><dd>${esc(input.vault.policy)}</dd></dl></header>`,
    `<div class="verdict ${s.verdict.tone}"><div class="mark" aria-hidden="true">${mark}</div><div><h2>${esc(s.verdict.title)}</h2><p>${esc(s.verdict.detail)}</p></div></div>`,
  );
  if (s.inHistory.length > 0) {
    body.push(`<div class="rotate"><strong>Rotate ${s.inHistory.length} secret${s.inHistory.length === 1 ? "" : "s"}.</strong> They are gone from the working tree but still in git history, readable by anyone with a clone.</div>`);
  }
  body.push(cards(input, s));
  if (s.byKind.length > 0) {
    body.push(`<section><h2>Secrets by kind</h2><p class="note">Each bar is split by environment.</p>${kindChart(s)}</section>`);
  }
  for (const env of s.environments) {
    body.push(
      `<section><h2><span class="swatch" style="background:${colours[env.name]}"></span>Environment: ${esc(env.name)} <span class="pill">${env.secrets.length}</span></h2>` +
        table(["Variable", "Kind", "Source", "Vault location", "Version", "Fingerprint", "Verified", "App policy", "Git history"], env.secrets.map(secretRow), [0, 1, 2, 5, 8]) +
        `</section>`,
    );
  }
  const kept = input.kept ?? [];
  if (kept.length > 0) {
    body.push(
      `<section><h2>Kept from earlier migrations <span class="pill">${new Set(kept.map((k) => k.name)).size}</span></h2><p class="note">Moved to Vault by an earlier plan; the app still reads them from there. Checked for presence and for the app's policy, not by value: they may have been rotated since.</p>` +
        table(["Variable", "Environment", "Vault location", "Version", "In Vault", "App policy", "Moved by plan"], kept.map((k) => [c(k.name), esc(k.environment), loc(vaultLocation(k)), k.target.version === null ? `<span class="na">–</span>` : esc(k.target.version), yn(k.present), yn(k.readableByPolicy), c(k.planId.slice(0, 12))]), [0, 6]) +
        `</section>`,
    );
  }
  if (input.rescan.findings.length > 0) {
    body.push(
      `<section><h2>Still in the working tree <span class="pill">${input.rescan.findings.length}</span></h2><p class="note">Found by the re-scan after the migration. Move or remove them, then run <code>vaultshift verify</code>.</p>` +
        table(["File", "Rule", "Kind", "Secret"], input.rescan.findings.map((f) => [c(`${f.file}:${f.line}`), esc(f.ruleId), esc(f.kind), c(f.redacted)])) +
        `</section>`,
    );
  }
  if (s.inHistory.length > 0) {
    body.push(
      `<section><h2>Rotate: still in git history</h2><p class="note">Removing a secret from the working tree does not remove it from past commits. Issue a new value at the provider, write it to Vault, revoke the old one.</p>` +
        table(["Variable", "Environment", "Vault location"], s.inHistory.map((x) => [c(x.name), esc(x.environment), c(vaultLocation(x))])) +
        `</section>`,
    );
  }
  if (input.manualActions.length > 0) {
    body.push(
      `<section><h2>Needs manual action <span class="pill">${input.manualActions.length}</span></h2><ul class="actions">` +
        input.manualActions.map((a) => `<li>${a.file ? `${c(a.line ? `${a.file}:${a.line}` : a.file)} ` : ""}${esc(a.message)}</li>`).join("") +
        `</ul></section>`,
    );
  }
  if (input.config.length > 0) {
    body.push(
      `<section><h2>Left as plain config <span class="pill">${input.config.length}</span></h2><p class="note">Not secrets: they stay in the .env files and the code reads them as before.</p>` +
        table(["Variable", "File", "Why"], input.config.map((x) => [c(x.name), c(`${x.file}:${x.line}`), esc(`${x.verdict === "public" ? "public: " : ""}${x.reason}`)])) +
        `</section>`,
    );
  }
  if (input.files.length > 0) {
    body.push(`<section><h2>Files changed <span class="pill">${input.files.length}</span></h2>` + table(["File", "Change", "Edits"], input.files.map((f) => [c(f.file), esc(f.kind), esc(f.edits)])) + `</section>`);
  }
  if (input.warnings.length > 0) {
    body.push(
      `<section><h2>Warnings <span class="pill">${input.warnings.length}</span></h2>` +
        table(["Code", "Where", "Message"], input.warnings.map((w) => [c(w.code), w.file ? c(w.line ? `${w.file}:${w.line}` : w.file) : "", esc(w.message)])) +
        `</section>`,
    );
  }
  body.push(
    `<footer>Generated by vaultshift${toolVersion ? ` ${esc(toolVersion)}` : ""}. This report holds no secret value: fingerprints are prefixes of HMAC-SHA-256 digests keyed with the plan's own salt; secret labels show at most a provider prefix and the length.</footer>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Migration report: ${esc(input.app)} (${esc(s.verdict.title)})</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join("\n")}
</main>
</body>
</html>
`;
}
