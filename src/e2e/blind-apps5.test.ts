import { test } from "node:test";
import { assertMigrated, assertRollback, blindRound, typescriptBuild } from "./harness.js";

// Round 5 of apps written without looking at the rewriter
// (fixtures/apps-blind5/, docs/migration.md "Unseen apps, round 5"): each
// migrated end to end against the in-process dev server, run before and after
// in each environment (same digest), scanned, searched for planted values,
// and rolled back byte for byte.

const { suite, app, migrated } = blindRound("blind5", "apps-blind5", { links: ["dotenv"] });

const cases: [string, string, string[], string, Parameters<typeof app>[4]?][] = [
  ["node-process-ts", "signet-api", ["development", "production"], "dist/main.js", { links: ["dotenv", "typescript", "@types/node"], build: typescriptBuild }],
  ["require-process", "tariff-engine", ["development", "production"], "src/index.js"],
  ["t3-env", "orbit-dashboard", ["development", "test"], "scripts/print.mjs"],
  ["dotenv-twice", "fjord-notify", ["development", "production"], "bin/start.js"],
  ["preload-koa", "kiln-gallery", ["development", "production"], "scripts/run.js"],
  ["fastify-apollo", "relay-graph", ["development", "production"], "src/main.js"],
  ["hapi-glue", "tidepool-api", ["development", "production"], "src/start.js"],
  ["build-define", "atlas-storefront", ["development"], "scripts/print.js"],
  ["test-tooling", "quill-notes", ["development", "test"], "scripts/print.js"],
  ["odd-values", "marlin-sync", ["development", "production"], "scripts/run.js"],
];

for (const [fixture, name, envs, entry, extra] of cases) {
  test(`first run: ${fixture}`, { timeout: 180_000 }, async () => {
    const run = await migrated(app(fixture, name, envs, entry, extra));
    const problems: string[] = [];
    for (const [i, a] of run.after.entries()) {
      if (!a.ok) problems.push(`${a.environment} crashed: ${a.error.split("\n").slice(0, 3).join(" | ")}`);
      else if (a.digest !== run.before[i]!.digest) problems.push(`${a.environment} changed: ${diffLines(run.before[i]!.output, a.output)}`);
    }
    console.log(`### ${fixture}: verdict ${run.result.verification.verdict}; moved ${run.result.plan.secrets.map((s) => `${s.source.file}:${s.name}->${s.target.path}`).join(", ")}`);
    console.log(`### ${fixture}: warnings ${run.result.plan.warnings.map((w) => `${w.code}@${w.file}:${w.line ?? ""}`).join(", ")}`);
    console.log(`### ${fixture}: rescan ${run.result.verification.rescan.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).join(", ")}`);
    console.log(`### ${fixture}: ${problems.join(" ;; ") || "same behaviour"}`);
    try {
      await assertMigrated(run, suite.server);
      console.log(`### ${fixture}: assertMigrated ok`);
    } catch (e) {
      console.log(`### ${fixture}: assertMigrated FAILED ${(e as Error).message.slice(0, 400)}`);
    }
    try {
      await assertRollback(run, suite.server);
      console.log(`### ${fixture}: rollback ok`);
    } catch (e) {
      console.log(`### ${fixture}: rollback FAILED ${(e as Error).message.slice(0, 300)}`);
    }
  });
}

function diffLines(before: string, after: string): string {
  const b = before.split("\n");
  const a = after.split("\n");
  return b.filter((l) => !a.includes(l) && !l.startsWith("digest")).map((l) => `${l} → ${a.find((x) => x.split("=")[0] === l.split("=")[0]) ?? "?"}`).join(", ");
}
