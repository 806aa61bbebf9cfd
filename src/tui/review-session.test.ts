import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../config/load.js";
import { plan as libraryPlan } from "../migrate/index.js";
import { canaries, pipelineCases, snapshot } from "../migrate/testing.js";
import type { Plan } from "../plan/types.js";
import { comparable } from "./review-testing.js";
import { KEYS, REVIEW_ACCEPT, startSession } from "./testing.js";

// The review inside the whole session: a decision made on the Review screen is
// stored in the project config with the plan, and `vaultshift plan` run later
// (the library, reading that config) gives the plan the session saved.

const cases = pipelineCases("tui-review", "demo-app");

test("a decision in the session's review is saved with the plan, and planning again later gives that plan; quitting stores nothing", async () => {
  const c = cases.next();
  const app = `tui-review-${c.n}`;
  const s = startSession({ root: c.root, cwd: c.root, vault: c.vault, env: c.env, app, history: false, colour: false });
  await s.t.waitFor("Enter review the plan");
  s.t.press(KEYS.enter);
  await s.t.waitFor("[Review]");
  const first = await s.t.waitFor(/^> +(\S+)/m);
  const name = /^> +(\S+)/m.exec(first)![1]!;
  s.t.press("k");
  await s.t.waitFor("(decided by you)");
  s.t.press(REVIEW_ACCEPT);
  await s.t.waitFor("[a] Apply now");
  s.t.press(KEYS.down);
  await s.t.waitFor("› [s]");
  s.t.press(KEYS.enter);
  assert.equal(await s.code, 0);
  // The end screen names both files written, not "nothing else".
  assert.match(s.t.everything(), /your decisions to vaultshift\.config\.json/);

  const saved = JSON.parse(readFileSync(join(c.root, "vaultshift.plan.json"), "utf8")) as Plan;
  const decisions = loadConfig(c.root).config.migrate?.decisions;
  assert.equal(decisions?.length, 1);
  assert.equal(decisions[0]!.name, name);
  assert.equal(decisions[0]!.action, "keep");
  assert.ok(saved.config.some((x) => x.name === name && x.decidedByUser && /kept by the user/.test(x.reason)));
  assert.ok(!saved.secrets.some((x) => x.name === name && x.source.file === decisions[0]!.file));
  // Only the plan file and the config are new; every other file is as it was.
  const after = snapshot(c.root);
  assert.deepEqual([...after.keys()].filter((f) => !c.original.has(f)).sort(), ["vaultshift.config.json", "vaultshift.plan.json"]);
  for (const [f, bytes] of c.original) assert.ok(after.get(f)!.equals(bytes), `${f} changed`);

  const later = await libraryPlan({ root: c.root, vault: c.vault, env: c.env, app, history: false });
  assert.deepEqual(comparable(later), comparable(saved));
  for (const value of canaries(c.root).filter((v) => v.length > 8)) assert.ok(!s.t.everything().includes(value));

  // The same decision, then q: nothing is stored.
  const d = cases.next();
  const q = startSession({ root: d.root, cwd: d.root, vault: d.vault, env: d.env, app: `${app}-q`, history: false, colour: false });
  await q.t.waitFor("Enter review the plan");
  q.t.press(KEYS.enter);
  await q.t.waitFor("[Review]");
  q.t.press("k");
  await q.t.waitFor("(decided by you)");
  q.t.press("q");
  await q.code;
  assert.deepEqual(snapshot(d.root), d.original);
});
