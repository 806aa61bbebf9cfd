import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RULE_FILES, warmEngine } from "./warm-up.js";

// warm-up.ts loads the rule files one by one before the engine imports them
// all through rules/index.ts: the two lists must agree, or a new rule family
// would load in one block (still correct, only slower).

test("warm-up: RULE_FILES lists exactly the rule files rules/index.ts imports, in order", () => {
  const index = readFileSync(fileURLToPath(new URL("../../../rules/index.ts", import.meta.url)), "utf8");
  const imported = [...index.matchAll(/^import \{ rules as \w+ \} from "\.\/([\w-]+)\.js";$/gm)].map((m) => m[1]);
  assert.ok(imported.length >= 10, "could not read the imports of rules/index.ts");
  assert.deepEqual(RULE_FILES, imported);
});

test("warm-up: compiles the rule set the scan then uses, and never rejects", async () => {
  await warmEngine({ disableRules: ["aws-access-key-id"] });
  const { compileRuleSet, selectRules } = await import("./rule-set.js");
  // Compiled already: the same object comes back for the same options.
  const rules = selectRules({ disableRules: ["aws-access-key-id"] });
  assert.ok(!rules.some((r) => r.id === "aws-access-key-id"));
  assert.equal(compileRuleSet(rules), compileRuleSet(selectRules({ disableRules: ["aws-access-key-id"] })));
  await assert.doesNotReject(warmEngine({ enableRules: ["no-such-rule"] }));
});

test("rules: every rule's examples are a getter, built when read (not by every scan's start-up)", async () => {
  const { allRules } = await import("../../rules/index.js");
  const eager = allRules.filter((r) => Object.getOwnPropertyDescriptor(r, "examples")?.get === undefined).map((r) => r.id);
  assert.deepEqual(eager, [], "write `get examples() { return { invalid: [...], valid: [...] }; }` (and `get sample()`), see docs/scanning.md \"Start-up\"");
});
