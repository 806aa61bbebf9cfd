import { test, after } from "node:test";
import assert from "node:assert/strict";

// chalk (through ink) decides at import whether it may colour; this test's
// process is not a terminal, so it is told to (FORCE_COLOR, read by chalk's
// supports-color) before ink is loaded: then colours appear where the review
// asks for them, and the NO_COLOR cases show that it asks for none.
process.env.FORCE_COLOR = "1";
const { tempDir } = await import("../migrate/testing.js");
const { planWith, pressTimes, renderReview, reviewApp } = await import("./review-testing.js");

const tmp = tempDir("review-colour");
after(() => tmp.remove());

/** Walk the screens that colour something: the list (selected row), warnings (severities), a diff (+/-). */
async function walk(r: Awaited<ReturnType<typeof renderReview>>, row: number): Promise<string> {
  await r.waitFor("NAME");
  r.press("3");
  await r.waitFor(/warnings, \d+ high/);
  r.press("4");
  await r.waitFor("CHANGE");
  await pressTimes(r, "\u001b[B", row);
  r.press(" ");
  await r.waitFor(/^\+import \{ secrets/m);
  return r.raw().join("");
}

test("with colours, the selected row, the severities and the diff's + and - lines are coloured", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const r = renderReview(root, plan, { colour: true });
  try {
    const raw = await walk(r, plan.files.findIndex((f) => f.file === "index.js"));
    assert.match(raw, /\u001b\[7m>/); // inverse: the cursor's row
    assert.match(raw, /\u001b\[31m\[HIGH\] browser-exposed/);
    assert.match(raw, /\u001b\[31m-export const c = \[process\.env\.DB_PASSWORD/);
    assert.match(raw, /\u001b\[32m\+import \{ secrets/);
  } finally {
    r.unmount();
  }
});

test("NO_COLOR (colour off, or the default under NO_COLOR) gives frames without one escape code", async () => {
  const root = reviewApp(tmp.dir);
  const plan = await planWith(root);
  const codeRow = plan.files.findIndex((f) => f.file === "index.js");
  const off = renderReview(root, plan, { colour: false });
  try {
    const raw = await walk(off, codeRow);
    assert.ok(raw.includes("+import { secrets") && raw.includes("[HIGH] browser-exposed"));
    assert.ok(!raw.includes("\u001b"), "an escape code in a NO_COLOR frame");
  } finally {
    off.unmount();
  }
  process.env.NO_COLOR = "1";
  const byEnv = renderReview(root, plan, { colour: "from-env" });
  try {
    const raw = await walk(byEnv, codeRow);
    assert.ok(!raw.includes("\u001b"), "an escape code in a NO_COLOR frame");
  } finally {
    byEnv.unmount();
    delete process.env.NO_COLOR;
  }
});
