import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "@babel/parser";
import { isProcessEnv, isProcessObject, processModuleBindings } from "./process-env.js";

const expr = (code: string) => (parse(`(${code});`).program.body[0] as unknown as { expression: { type: string } }).expression;

test("isProcessEnv: process.env in every spelling, through globalThis/global/require, and the names a file binds", () => {
  for (const code of ["process.env", 'process["env"]', "process?.env", "process[`env`]", "globalThis.process.env", "global.process.env", 'require("process").env', 'require("node:process").env']) {
    assert.ok(isProcessEnv(expr(code)), code);
  }
  for (const code of ["proc.env", "process.envs", "process[env]", 'require("./process").env', "window.process.env", "process"]) assert.ok(!isProcessEnv(expr(code)), code);
  assert.ok(isProcessEnv(expr("proc.env"), { objects: new Set(["proc"]) }));
  // Without the global: what the caller says is bound to something else is not it.
  assert.ok(!isProcessObject(expr("globalThis.process"), { objects: new Set(), globals: new Set(["require"]) }));
  assert.ok(!isProcessObject(expr('require("process")'), { objects: new Set(), modules: new Set(["node:process"]) }));
});

test("processModuleBindings: imports and requires of the process module, without type-only imports or other modules", () => {
  const program = parse(
    [
      `import proc, { env as e } from "node:process";`,
      `import * as ns from "process";`,
      `import type { env as typeOnly } from "process";`,
      `import { env as notIt } from "./process";`,
      `const p2 = require("process"), { env: e2 } = p2;`,
      `const { env } = globalThis.process;`,
      `const other = require("./process");`,
    ].join("\n"),
    { sourceType: "module", plugins: ["typescript"] },
  ).program;
  const b = processModuleBindings(program);
  assert.deepEqual([...b.objects].sort(), ["ns", "p2", "proc", "process"]);
  assert.deepEqual([...b.envs].sort(), ["e", "e2", "env"]);
});
