import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apply, plan, verify } from "../migrate/index.js";
import { pipelineCases } from "../migrate/testing.js";
import type { KvStore } from "../apply/kv-store.js";
import { VaultStore } from "../apply/vault-store.js";
import { verificationSummary } from "../migrate/cli-support.js";
import { buildReportInput } from "./report-input.js";
import { renderReport } from "../report/migration-report.js";

// A check verify could not run is never a pass: the verdict is "unchecked",
// naming the check, why, and what to do.

const cases = pipelineCases("verifier");

function setup() {
  const { root, env, vault, n } = cases.next();
  return { root, env, vault, app: `vf${n}` };
}

/** The dev server's store, except that a token holding the app's policy cannot be made (as for a token without auth/token/create). */
function noProbeStore(real: VaultStore): KvStore {
  return new Proxy(real, {
    get(target, key, receiver) {
      if (key === "policyCapabilities") return async () => Promise.reject(Object.assign(new Error("403 permission denied on auth/token/create"), { status: 403 }));
      const v = Reflect.get(target, key, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

test("a policy that could not be checked makes the verdict unchecked, with the reason and what to do, in the summary and every report", async () => {
  const { root, env, vault, app } = setup();
  const p = await plan({ root, env, vault, app });
  await apply(p, { root, env, vault });
  const real = new VaultStore(vault, { env });
  const v = await verify(p, { root, env, vault, store: noProbeStore(real) }).finally(() => real.close());
  assert.equal(v.policy.checked, false);
  assert.equal(v.rescan.findings.length, 0, "everything else passed");
  assert.ok(v.secrets.every((s) => s.status === "ok"));
  assert.equal(v.verdict, "unchecked");
  assert.equal(v.unchecked?.length, 1);
  const [u] = v.unchecked!;
  assert.equal(u!.check, "policy");
  assert.match(u!.reason, /403 permission denied on auth\/token\/create/);
  assert.match(u!.next, new RegExp(`auth/token/create.*vault token capabilities`));
  assert.ok(u!.next.includes(`${app}-read`));
  const text = verificationSummary(v);
  assert.match(text, /^Verdict: unchecked$/m);
  assert.match(text, /what to do: run vaultshift verify again/);

  const input = buildReportInput(p, v, { root, address: vault.address });
  assert.equal(input.verdict, "unchecked");
  assert.ok(input.manualActions.some((m) => m.code === "policy-unchecked" && m.message.includes("vault token capabilities")));
  const md = renderReport(input, "md");
  assert.match(md, /Not fully checked/);
  assert.doesNotMatch(md, /Zero secrets left/);
  assert.match(renderReport(input, "html"), /Not fully checked/);
  assert.equal(JSON.parse(renderReport(input, "json")).verdict, "unchecked");

  // A verification recorded before verify listed its unchecked checks said zero-secrets: the report no longer does.
  const { unchecked: _, ...old } = { ...v, verdict: "zero-secrets" as const };
  const again = buildReportInput(p, old, { root, address: vault.address });
  assert.equal(again.verdict, "unchecked");
  assert.equal(again.unchecked[0]?.check, "policy");

  // The same tree, checked with a token that may: zero secrets.
  assert.equal((await verify(p, { root, env, vault })).verdict, "zero-secrets");
});

test("a file the migration took secrets from that the re-scan cannot read makes the verdict unchecked, naming it", async () => {
  const { root, env, vault, app } = setup();
  const p = await plan({ root, env, vault, app });
  await apply(p, { root, env, vault });
  assert.equal((await verify(p, { root, env, vault })).verdict, "zero-secrets");
  // Root reads every file whatever its mode, so "cannot be read" is a directory where the file was (EISDIR).
  const file = p.secrets.find((s) => s.source.type === "dotenv")!.source.file;
  renameSync(join(root, file), join(root, `${file}.moved`));
  mkdirSync(join(root, file));
  const v = await verify(p, { root, env, vault });
  assert.equal(v.verdict, "unchecked");
  const u = v.unchecked?.find((x) => x.check === "rescan");
  assert.ok(u, JSON.stringify(v.unchecked));
  assert.ok(u.reason.includes(`${file}: cannot be read (EISDIR)`), u.reason);
  assert.match(u.next, /readable/);
  assert.match(verificationSummary(v), /but the re-scan could not read/);
});

test("a .env template still holding a value that moved (copied from .env) is found by the re-scan through the plan's fingerprints: secrets-remaining", async () => {
  const { root, env, vault, app } = setup();
  const original = readFileSync(join(root, ".env"), "utf8");
  const p = await plan({ root, env, vault, app });
  await apply(p, { root, env, vault });
  assert.equal((await verify(p, { root, env, vault })).verdict, "zero-secrets");
  // .env no longer holds the values: only the plan's fingerprints can recognise the copy.
  writeFileSync(join(root, ".env.sample"), original.replace(/^PORT=.*$/m, "PORT=8080"));
  const v = await verify(p, { root, env, vault });
  assert.equal(v.verdict, "secrets-remaining");
  const copies = v.rescan.findings.filter((f) => f.ruleId === "dotenv-secret-copy");
  assert.deepEqual(copies.map((f) => f.file), copies.map(() => ".env.sample"));
  assert.deepEqual(copies.map((f) => f.name).sort(), p.secrets.filter((s) => s.source.file === ".env").map((s) => s.name).sort());
  for (const s of p.secrets) assert.ok(!JSON.stringify(v).includes(original.match(new RegExp(`^${s.name}=(.*)$`, "m"))?.[1] ?? "\u0000"), `${s.name}'s value in the verification`);
});
