import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { tempDir, writeTree } from "../migrate/testing.js";
import { KEYS } from "./testing.js";
import type { Decisions } from "../plan/decisions.js";
import { editField, textField } from "./review-model.js";
import { CANARY, comparable, leaks, oversized, planWith, pressTimes, renderReview, reviewApp } from "./review-testing.js";

const tmp = tempDir("review");
after(() => tmp.remove());

test("navigating: tabs with counts, a secret's details (reason, source, readers), the config, warnings by severity, a file's diff; q quits", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const r = renderReview(root, plan);
  try {
    let s = await r.waitFor("NAME");
    assert.match(s, new RegExp(`\\[1 secrets ${plan.secrets.length}\\]`));
    assert.match(s, new RegExp(`2 config ${plan.config.length} `));
    assert.match(s, /↑↓ move {2}· {2}→ details {2}· {2}k keep/);
    // Grouped by environment: development rows before production's.
    assert.ok(s.indexOf("development") < s.indexOf("production"));
    // The cursor starts on the first row: development's DB_PASSWORD.
    s = await r.waitFor(/^> +DB_PASSWORD/m);
    assert.match(s, /^→ secret\/shop\/development\/database#password \(development\) from \.env:1$/m);
    await pressTimes(r, KEYS.down, 1);
    s = await r.waitFor(/^> +PAYMENT_API_KEY/m);
    await pressTimes(r, KEYS.up, 1);
    await r.waitFor(/^> +DB_PASSWORD/m);
    await pressTimes(r, "\u001b[C", 1); // →
    s = await r.waitFor("read by");
    assert.match(s, /source +\.env:1:1 \(\.env entry\)/);
    assert.match(s, /read by +index\.js \(1 line\)/);
    assert.match(s, /goes to +secret\/shop\/development\/database#password/);
    assert.match(s, /reason +name /);
    await pressTimes(r, "\u001b[D", 1); // ←
    await r.waitFor("KIND");
    await pressTimes(r, "2", 1);
    s = await r.waitFor("WHY IT STAYS");
    assert.match(s, /LOG_LEVEL/);
    assert.match(s, /s migrate as secret/);
    await pressTimes(r, "3", 1);
    s = await r.waitFor(/warnings, \d+ high/);
    await pressTimes(r, "4", 1);
    s = await r.waitFor("CHANGE");
    assert.match(s, /secrets-module \(new\)/);
    const envRow = plan.files.findIndex((f) => f.file === ".env");
    await pressTimes(r, KEYS.down, envRow);
    await pressTimes(r, " ", 1);
    s = await r.waitFor(/^-PAYMENT_API_KEY=/m);
    assert.match(s, /^\+\+\+ /m);
    assert.equal(oversized(r), undefined);
    r.press("q");
    await r.quit;
  } finally {
    r.unmount();
  }
});

test("k keeps a secret as config: the screen shows the plan the library makes with that decision, cursor on the same place", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const r = renderReview(root, plan);
  try {
    await r.waitFor("NAME");
    await r.waitFor(/^> +DB_PASSWORD/m);
    r.press("k");
    const s = await r.waitFor("stays where it is, as config (decided by you)");
    assert.deepEqual(r.replans, [[{ name: "DB_PASSWORD", file: ".env", action: "keep" }]]);
    assert.match(s, new RegExp(`\\[1 secrets ${plan.secrets.length - 1}\\]`));
    const development = plan.secrets.filter((x) => x.environment === "development").length;
    assert.match(s, new RegExp(`── development \\(${development - 1}\\) ─`));
    // The cursor stays on the first row, now PAYMENT_API_KEY.
    assert.match(s, /^> +PAYMENT_API_KEY/m);
    r.press("2");
    const c = await r.waitFor(/\*DB_PASSWORD +\.env:1/);
    assert.match(c, /kept by the user/);
    r.press("a");
    const accepted = await r.accepted;
    assert.deepEqual(comparable(accepted), comparable(await planWith(root, [{ name: "DB_PASSWORD", file: ".env", action: "keep" }])));
  } finally {
    r.unmount();
  }
});

test("back from Confirm, a Review mounted again with the session's replan goes on from the decisions of the plan it showed", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const replans: Decisions[] = [];
  const replan = (d: Decisions) => (replans.push(d), planWith(root, d));
  const first = renderReview(root, plan, { replan });
  let shown;
  try {
    await first.waitFor("NAME");
    first.press("k");
    await first.waitFor("decided by you");
    first.press("a");
    shown = await first.accepted;
  } finally {
    first.unmount();
  }
  const again = renderReview(root, shown, { replan });
  try {
    await again.waitFor("NAME");
    again.press("2");
    await again.waitFor("WHY IT STAYS");
    const row = shown.config.findIndex((c) => c.name === "LOG_LEVEL");
    await pressTimes(again, KEYS.down, row);
    await again.waitFor(/^> {2}LOG_LEVEL/m);
    again.press("s");
    await again.waitFor("moves to Vault as a secret");
    assert.deepEqual(replans.at(-1), [
      { name: "DB_PASSWORD", file: ".env", action: "keep" },
      { name: "LOG_LEVEL", file: ".env", action: "migrate" },
    ]);
  } finally {
    again.unmount();
  }
});

test("s on a config value migrates it; u undoes it; the accepted plan is the library's for the decisions left", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const r = renderReview(root, plan);
  try {
    await r.waitFor("NAME");
    r.press("2");
    await r.waitFor("WHY IT STAYS");
    const row = plan.config.findIndex((c) => c.name === "APP_REGION" && c.file === ".env");
    await pressTimes(r, KEYS.down, row);
    await r.waitFor(/^> {2}APP_REGION/m);
    r.press("s");
    let s = await r.waitFor("moves to Vault as a secret (decided by you)");
    assert.match(s, new RegExp(` 1 secrets ${plan.secrets.length + 1} `));
    r.press("1");
    s = await r.waitFor(/\*APP_REGION +generic-secr/);
    r.press("u");
    s = await r.waitFor("Undone.");
    assert.match(s, new RegExp(`\\[1 secrets ${plan.secrets.length}\\]`));
    assert.deepEqual(r.replans, [[{ name: "APP_REGION", file: ".env", action: "migrate" }], []]);
    r.press("\r");
    assert.deepEqual(comparable(await r.accepted), comparable(plan));
  } finally {
    r.unmount();
  }
});

test("t edits a target: an invalid one is explained and not applied; a valid one re-plans; a collision is refused on screen", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const r = renderReview(root, plan);
  try {
    await r.waitFor("NAME");
    const rowOf = (name: string) => plan.secrets.slice().sort((a, b) => a.environment.localeCompare(b.environment) || a.name.localeCompare(b.name) || a.source.file.localeCompare(b.source.file)).findIndex((s) => s.name === name);
    await pressTimes(r, KEYS.down, rowOf("PAYMENT_API_KEY"));
    await r.waitFor(/^>.*PAYMENT_API_KEY/m);
    r.press("t");
    let s = await r.waitFor("Target for PAYMENT_API_KEY");
    assert.match(s, /> shop\/\{environment\}\/app#payment_api_key_/);
    r.press("\u0015"); // ^U
    await r.waitFor(/^> _$/m);
    await pressTimes(r, "data/x#k", 1);
    s = await r.waitFor("leave out data/");
    r.press("\r"); // refused by validation: still editing, nothing re-planned
    await r.waitFor("✗ leave out data/");
    assert.deepEqual(r.replans, []);
    r.press("\u0015");
    await r.waitFor(/^> _$/m);
    await pressTimes(r, "shop/{environment}/billing#stripe", 1);
    await r.waitFor("✓ Enter to re-plan");
    r.press("\r");
    s = await r.waitFor("target set to shop/{environment}/billing#stripe");
    await r.waitFor(/→ secret\/shop\/development\/billing#stripe/);
    // Onto DB_PASSWORD's location: two values in one place, refused with the planner's collision message.
    r.press("t");
    await r.waitFor("Target for PAYMENT_API_KEY");
    r.press("\u0015");
    await r.waitFor(/^> _$/m);
    await pressTimes(r, "shop/{environment}/database#password", 1);
    r.press("\r");
    s = (await r.waitFor("Refused, the plan is unchanged")).replace(/\n/g, " ");
    assert.match(s, /Vault location would receive two different values/);
    assert.match(s, /\.env:2 PAYMENT_API_KEY \(target decided by the user\)/);
    assert.match(s, /→ secret\/shop\/development\/billing#stripe/);
    assert.equal(leaks(r.everything()), undefined);
    r.press("a");
    assert.deepEqual(comparable(await r.accepted), comparable(await planWith(root, [{ name: "PAYMENT_API_KEY", path: "shop/{environment}/billing", key: "stripe" }])));
  } finally {
    r.unmount();
  }
});

test("a long list scrolls within 80×24, keeping the cursor on screen; f filters by environment then file", async () => {
  const root = reviewApp(tmp.dir, { extraSecrets: 40 });
  const plan = await planWith(root);
  assert.ok(plan.secrets.length > 40);
  const r = renderReview(root, plan);
  try {
    let s = await r.waitFor("NAME");
    assert.match(s, /SERVICE_00_TOKEN/);
    assert.doesNotMatch(s, /SERVICE_39_TOKEN/);
    await pressTimes(r, KEYS.down, 41);
    s = await r.waitFor(/^>.*SERVICE_39_TOKEN/m);
    assert.doesNotMatch(s, /SERVICE_00_TOKEN/);
    // Back up one row: the window does not move.
    await pressTimes(r, KEYS.up, 1);
    s = await r.waitFor(/^>.*SERVICE_38_TOKEN/m);
    assert.match(s, /SERVICE_39_TOKEN/);
    r.press("f");
    s = await r.waitFor("filter: environment development");
    r.press("f");
    s = await r.waitFor("filter: environment production");
    const production = plan.secrets.filter((x) => x.environment === "production").length;
    assert.match(s, new RegExp(`^${production} of ${plan.secrets.length} secrets · filter: environment production$`, "m"));
    assert.match(s, new RegExp(`── production \\(${production}\\) ─`));
    assert.doesNotMatch(s, /SERVICE_|development \(/);
    // Then each file (.env first), then all again.
    r.press("f");
    s = await r.waitFor("filter: environment shared");
    r.press("f");
    s = await r.waitFor(/filter: file \.env$/m);
    assert.doesNotMatch(s, /stripeKey|production \(/);
    assert.equal(oversized(r), undefined);
  } finally {
    r.unmount();
  }
});

test("the review fills the rows it is given: by default the terminal's less the session's two-row header", async () => {
  const root = reviewApp(tmp.dir, { extraSecrets: 40 });
  const plan = await planWith(root);
  const lines = (r: ReturnType<typeof renderReview>) => r.screen().replace(/\n$/, "").split("\n").length;
  const standard = renderReview(root, plan);
  try {
    await standard.waitFor("NAME");
    assert.equal(lines(standard), 24 - 2 - 1);
    assert.equal(oversized(standard, 80, 24 - 2), undefined);
  } finally {
    standard.unmount();
  }
  const tall = renderReview(root, plan, { rows: 40, reviewRows: 30 });
  try {
    await tall.waitFor("NAME");
    assert.equal(lines(tall), 30);
    assert.equal(oversized(tall, 80, 31), undefined);
  } finally {
    tall.unmount();
  }
});

test("a resize (SIGWINCH) draws the review again at the new size: smaller, every line fits; larger, the list grows", async () => {
  const root = reviewApp(tmp.dir, { extraSecrets: 40 });
  const plan = await planWith(root);
  const r = renderReview(root, plan);
  const lines = () => r.screen().replace(/\n$/, "").split("\n");
  /** The screen once `ok` holds of its lines (bounded: the screen is shown if it never does). */
  const until = async (what: string, ok: (l: string[]) => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!ok(lines())) {
      if (Date.now() > deadline) assert.fail(`${what}; the screen was:\n${r.screen()}`);
      await new Promise((res) => setTimeout(res, 10));
    }
    return lines();
  };
  try {
    await r.waitFor("NAME");
    assert.equal(lines().length, 24 - 2 - 1);
    const rowsAt80 = lines().filter((l) => /SERVICE_\d+_TOKEN/.test(l)).length;
    // Smaller: the review's 12 rows (its least) under the session's two, every line within 60 columns.
    r.resize(60, 15);
    let now = await until("the review was not drawn again at 60×15", (l) => l.length === 12);
    for (const l of now) assert.ok([...l].length <= 60, `a line is ${[...l].length} columns wide at 60×15: ${l}`);
    assert.match(now.join("\n"), /^> +DB_PASSWORD/m);
    // Larger: more rows of the list, and whole targets.
    r.resize(120, 40);
    now = await until("the review was not drawn again at 120×40", (l) => l.length === 40 - 2 - 1);
    assert.ok(now.filter((l) => /SERVICE_\d+_TOKEN/.test(l)).length > rowsAt80);
    assert.match(now.join("\n"), /SERVICE_00_TOKEN .*shop\/development\/\S+#service_00_token$/m);
    assert.equal(leaks(r.everything()), undefined);
  } finally {
    r.unmount();
  }
});

test("a wide terminal gives long names the room they need: cut at 80 columns, whole at 160", async () => {
  const name = "PAYMENTS_PROVIDER_PRIMARY_REGION_SECRET_KEY";
  const root = writeTree(join(tmp.dir, "long-names"), {
    "package.json": '{"name":"long","type":"module"}\n',
    ".env": `${name}=${CANARY.api}\nDB_PASSWORD=${CANARY.db}\n`,
    "index.js": `export const c = [process.env.${name}, process.env.DB_PASSWORD];\n`,
  });
  const plan = await planWith(root);
  assert.ok(plan.secrets.some((x) => x.name === name));
  for (const [columns, whole] of [[80, false], [160, true]] as const) {
    const r = renderReview(root, plan, { columns });
    try {
      const s = await r.waitFor("NAME");
      const row = s.split("\n").find((l) => l.includes("PAYMENTS_PROVIDER"))!;
      if (whole) assert.match(row, new RegExp(`^.{3}${name} +\\S+ +0\\.\\d\\d .*#payments_provider_primary_region_secret_key$`), row);
      else assert.match(row, /^.{3}PAYMENTS_PROVIDER_P… /, row);
      assert.equal(oversized(r, columns), undefined);
      assert.equal(leaks(r.everything()), undefined);
    } finally {
      r.unmount();
    }
  }
});

test("at 60 columns: a secret's details continue under their text, a warning does not repeat its place, a diff's ==== rule is one row", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const r = renderReview(root, plan, { columns: 60, rows: 30 });
  try {
    await r.waitFor("NAME");
    await pressTimes(r, "\u001b[C", 1); // → the first secret's details
    let s = await r.waitFor("read by");
    const rows = s.split("\n");
    const reason = rows.findIndex((l) => l.startsWith("reason "));
    assert.ok(reason >= 0 && rows[reason + 1]!.startsWith(" ".repeat(13)) && rows[reason + 1]!.trim() !== "", `the reason's second row is not under its text:\n${s}`);
    await pressTimes(r, "\u001b[D", 1);
    await pressTimes(r, "3", 1);
    s = await r.waitFor(/dynamic-env-access · index\.js:3/);
    assert.match(s, /dynamic-env-access · index\.js:3\n {2}dynamic environment read/);
    assert.doesNotMatch(s, /^ {2}index\.js:3: /m);
    await pressTimes(r, "4", 1);
    await r.waitFor("CHANGE");
    await pressTimes(r, " ", 1);
    s = await r.waitFor(/^\+\+\+ /m);
    assert.match(s, /^={60}$/m);
    assert.doesNotMatch(s, /^={1,59}$/m);
    assert.equal(oversized(r, 60, 30), undefined);
    assert.equal(leaks(r.everything()), undefined);
  } finally {
    r.unmount();
  }
});

test("wide characters (a Japanese directory, an emoji in a file name) are measured in columns: lists and diffs stay within 80 columns and a wrapped path keeps every character", async () => {
  const dir = "src/決済-モジュール/支払いクライアント-サブシステム-実装の詳細";
  const file = `${dir}/請求書-🧾-processor.js`;
  const root = writeTree(join(tmp.dir, "wide"), {
    "package.json": '{"name":"wide","type":"module"}\n',
    ".env": `DB_PASSWORD=${CANARY.db}\n`,
    [file]: "export const password = process.env.DB_PASSWORD;\n",
  });
  const plan = await planWith(root);
  const row = plan.files.findIndex((f) => f.file === file);
  assert.ok(row >= 0, `the plan changes ${file}`);
  const r = renderReview(root, plan);
  try {
    await r.waitFor("NAME");
    await pressTimes(r, "4", 1);
    let s = await r.waitFor("CHANGE");
    assert.match(s, /src\/決済-モジュール\/支払いクライアント/);
    await pressTimes(r, KEYS.down, row);
    await pressTimes(r, " ", 1);
    s = await r.waitFor(/^\+\+\+ b\//m);
    // The "+++ b/<file>" line, wrapped: its rows put together give the whole path.
    const rows = s.split("\n");
    const at = rows.findIndex((l) => l.startsWith("+++ b/"));
    assert.ok(rows.slice(at, at + 4).join("").includes(`+++ b/${file}`), `the path was cut:\n${s}`);
    assert.equal(oversized(r), undefined);
    assert.equal(leaks(r.everything()), undefined);
  } finally {
    r.unmount();
  }
});

test("while it re-plans the screen says so and ignores decisions and accept; the cursor stays on the same secret", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const replans: Decisions[] = [];
  const r = renderReview(root, plan, { replan: async (d) => (replans.push(d), await gate, planWith(root, d)) });
  try {
    await r.waitFor("NAME");
    await pressTimes(r, KEYS.down, 2);
    await r.waitFor(/^> +SMTP_PASSWORD/m);
    r.press("t");
    await r.waitFor("Target for SMTP_PASSWORD");
    await pressTimes(r, "\u0015", 1);
    await pressTimes(r, "shop/mail#smtp", 1);
    r.press("\r");
    await r.waitFor("Re-planning with your decisions…");
    await pressTimes(r, "k", 1);
    await pressTimes(r, "a", 1);
    assert.equal(replans.length, 1);
    release();
    const s = await r.waitFor("target set to shop/mail#smtp");
    assert.match(s, /^> \*SMTP_PASSWORD .* shop\/mail#smtp/m);
    assert.deepEqual(replans, [[{ name: "SMTP_PASSWORD", path: "shop/mail", key: "smtp" }]]);
    r.press("a");
    const accepted = await r.accepted;
    assert.equal(accepted.secrets.find((x) => x.name === "SMTP_PASSWORD")!.target.path, "shop/mail");
  } finally {
    r.unmount();
  }
});

test("a long diff scrolls within 80×24 (PgDn, ↓) and the warnings scroll the same way", async () => {
  const root = reviewApp(tmp.dir, { longFile: 120 });
  const plan = await planWith(root);
  const r = renderReview(root, plan);
  try {
    await r.waitFor("NAME");
    r.press("4");
    await r.waitFor("CHANGE");
    await pressTimes(r, KEYS.down, plan.files.findIndex((f) => f.file === "long.js"));
    await r.waitFor(/^>.*long\.js/m);
    r.press("\u001b[C");
    let s = await r.waitFor(/long\.js \(code\) · lines 1–\d+ of \d+/);
    assert.match(s, /read0 /);
    assert.doesNotMatch(s, /read119 /);
    for (let i = 0; i < 30; i++) await pressTimes(r, "\u001b[6~", 1); // PgDn
    s = await r.waitFor(/read119 /);
    assert.doesNotMatch(s, /read0 /);
    await pressTimes(r, KEYS.up, 1);
    r.press("\u001b[D");
    await r.waitFor("CHANGE");
    r.press("3");
    s = await r.waitFor(/warnings, \d+ high/);
    assert.equal(oversized(r), undefined);
  } finally {
    r.unmount();
  }
});

test("warnings: most severe first, each with its code, its place and the whole message (what to do), scrolled in 80×24", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const r = renderReview(root, plan);
  try {
    await r.waitFor("NAME");
    r.press("3");
    const s = await r.waitFor(/warnings, \d+ high/);
    assert.match(s, new RegExp(`^${plan.warnings.length} warnings, 1 high · `, "m"));
    const high = s.indexOf("[HIGH] browser-exposed · .env:5");
    const medium = s.indexOf("[MEDIUM] dynamic-env-access · index.js:3");
    assert.ok(high >= 0 && medium > high, s);
    assert.match(s, /NEXT_PUBLIC_STRIPE_SECRET_KEY looks like a secret/);
    await pressTimes(r, "\u001b[6~", 3);
    const later = (await r.waitFor("[LOW] duplicate-value · .env:6")).replace(/\n +/g, " ");
    assert.match(later, /SMTP_PASSWORD has the same value as DB_PASSWORD \(\.env:1\); both are stored\./);
    assert.equal(oversized(r), undefined);
    assert.equal(leaks(r.everything()), undefined);
  } finally {
    r.unmount();
  }
});

test("a secret in git history is marked, and its details say to rotate it", async () => {
  const root = reviewApp(tmp.dir, { git: true });
  const plan = await (await import("../plan/planner.js")).plan({ root, env: {} });
  assert.ok(plan.secrets.some((s) => s.inGitHistory));
  const r = renderReview(root, plan);
  try {
    const s = await r.waitFor("NAME");
    const committed = plan.secrets.filter((x) => x.inGitHistory).map((x) => x.name);
    assert.ok(committed.includes("DB_PASSWORD"));
    // .env and .env.production were committed: their rows carry the mark; the hard-coded key's too (pay.js was committed).
    assert.match(s, /^>! +DB_PASSWORD /m);
    assert.equal(s.match(/^.! /gm)?.length, committed.length);
    await pressTimes(r, "\u001b[C", 1);
    await r.waitFor(/git history +the value was committed/);
  } finally {
    r.unmount();
  }
});

test("canaries: visiting every screen, every secret's details and every diff never shows a value", async () => {
  const root = reviewApp(tmp.dir, { extraSecrets: 3, longFile: 5 });
  const plan = await planWith(root);
  assert.equal(leaks(JSON.stringify(plan)), undefined, "the plan itself holds a value");
  const r = renderReview(root, plan);
  try {
    await r.waitFor("NAME");
    for (let i = 0; i < plan.secrets.length; i++) {
      await pressTimes(r, "\u001b[C", 1);
      await r.waitFor("read by");
      await pressTimes(r, KEYS.down, 12);
      await pressTimes(r, "\u001b[D", 1);
      await pressTimes(r, KEYS.down, 1);
    }
    r.press("2");
    await r.waitFor("WHY IT STAYS");
    await pressTimes(r, KEYS.down, plan.config.length);
    r.press("3");
    await r.waitFor(/warnings, \d+ high/);
    await pressTimes(r, "\u001b[6~", 20);
    r.press("4");
    await r.waitFor("CHANGE");
    for (let i = 0; i < plan.files.length; i++) {
      await pressTimes(r, " ", 1);
      await pressTimes(r, "\u001b[6~", 20);
      await pressTimes(r, "\u001b[D", 1);
      await pressTimes(r, KEYS.down, 1);
    }
    // A decision and its re-plan too.
    r.press("1");
    await r.waitFor("[1 secrets");
    r.press("k");
    await r.waitFor("decided by you");
    const all = r.everything();
    assert.ok(all.includes("DB_PASSWORD") && all.includes("@@"), "the walk saw the screens");
    assert.equal(leaks(all), undefined);
    for (const c of Object.values(CANARY)) assert.ok(!r.raw().join("").includes(c));
  } finally {
    r.unmount();
  }
});

test("the target editor moves its caret with ← → Home End and edits there (insert, Backspace, ^D), not only at the end", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const r = renderReview(root, plan);
  try {
    await r.waitFor("NAME");
    await pressTimes(r, KEYS.down, 2);
    await r.waitFor(/^> +SMTP_PASSWORD/m);
    r.press("t");
    await r.waitFor("Target for SMTP_PASSWORD");
    assert.match(r.screen(), /←→ move/);
    r.press("\u0015");
    await r.waitFor(/^> _$/m);
    await pressTimes(r, "shop/mal#smpt", 1);
    await r.waitFor(/^> shop\/mal#smpt_$/m);
    // Fix "smpt": two left, Backspace the p, then End and type it back after the t.
    await pressTimes(r, "\u001b[D", 2);
    await r.waitFor(/^> shop\/mal#sm\|pt$/m);
    r.press("\u007f");
    await r.waitFor(/^> shop\/mal#s\|pt$/m);
    r.press("m");
    await r.waitFor(/^> shop\/mal#sm\|pt$/m);
    r.press("\u0004"); // ^D deletes under the caret
    await r.waitFor(/^> shop\/mal#sm\|t$/m);
    r.press("\u001b[C"); // → past the t: at the end
    await r.waitFor(/^> shop\/mal#smt_$/m);
    r.press("p");
    await r.waitFor(/^> shop\/mal#smtp_$/m);
    // Home, then right past "shop/ma", insert the i.
    r.press("\u001b[H");
    await r.waitFor(/^> \|shop\/mal#smtp$/m);
    await pressTimes(r, "\u001b[C", 7);
    await r.waitFor(/^> shop\/ma\|l#smtp$/m);
    r.press("i");
    await r.waitFor(/^> shop\/mai\|l#smtp$/m);
    r.press("\u001b[F");
    await r.waitFor(/^> shop\/mail#smtp_$/m);
    r.press("\r");
    await r.waitFor("target set to shop/mail#smtp");
    r.press("a");
    assert.equal((await r.accepted).secrets.find((x) => x.name === "SMTP_PASSWORD")!.target.path, "shop/mail");
  } finally {
    r.unmount();
  }
});

test("editField: the caret counts code points (an emoji is one step), stays within the text, and only field keys are taken", () => {
  let f = textField("a😀b");
  assert.equal(f.caret, 3);
  f = editField(f, "", { leftArrow: true })!;
  f = editField(f, "", { backspace: true })!;
  assert.deepEqual(f, { text: "ab", caret: 1 });
  f = editField(f, "", { home: true })!;
  assert.deepEqual(editField(f, "", { leftArrow: true }), { text: "ab", caret: 0 });
  assert.deepEqual(editField(f, "", { delete: true }), { text: "ab", caret: 0 }, "Backspace at the start deletes nothing");
  assert.deepEqual(editField(f, "xy", {}), { text: "xyab", caret: 2 }, "a paste is inserted at the caret");
  assert.deepEqual(editField(textField("ab"), "", { rightArrow: true }), { text: "ab", caret: 2 });
  assert.deepEqual(editField(textField("ab"), "e", { ctrl: true }), { text: "ab", caret: 2 });
  assert.equal(editField(textField("ab"), "k", { ctrl: true }), null);
  assert.equal(editField(textField("ab"), "\u001b", {}), null);
});
