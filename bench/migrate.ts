import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { startDevServer } from "../src/devserver/index.js";
import { apply, plan, rollback, verify } from "../src/migrate/index.js";
import type { Benchmark, Table } from "./types.js";

// Migrating a large app against the in-process dev server: 1,000 variables
// (half secrets, half config) in each of three environments (.env,
// .env.staging, .env.production), read by 50 source files. Target: the whole
// plan + apply + verify under 5 s.

const GROUPS = ["DB", "AWS", "STRIPE", "GITHUB", "SLACK", "TWILIO", "SENTRY", "REDIS", "OPENAI", "APP"];
const ENVS = [".env", ".env.staging", ".env.production"];

export function makeApp(dir: string, variables: number): { secrets: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "bench-app", version: "1.0.0", type: "module" }, null, 2)}\n`);
  const names: string[] = [];
  let secrets = 0;
  for (let i = 0; i < variables; i++) {
    const group = GROUPS[i % GROUPS.length]!;
    const secret = i % 2 === 0;
    names.push(secret ? `${group}_SERVICE${i}_SECRET` : `${group}_SERVICE${i}_TIMEOUT_MS`);
    if (secret) secrets++;
  }
  for (const file of ENVS) {
    const lines = names.map((name) => (name.endsWith("_SECRET") ? `${name}=${randomBytes(24).toString("base64url")}` : `${name}=${1000 + (name.length % 7) * 250}`));
    writeFileSync(join(dir, file), `${lines.join("\n")}\n`);
  }
  for (let f = 0; f < 50; f++) {
    const used = names.slice(f * 20, f * 20 + 20);
    writeFileSync(join(dir, "src", `module${f}.js`), `export const config${f} = {\n${used.map((n) => `  ${n.toLowerCase()}: process.env.${n},`).join("\n")}\n};\n`);
  }
  return { secrets: secrets * ENVS.length };
}

export const benchmarks: Benchmark[] = [
  {
    name: "migrate",
    description: "plan + apply + verify + rollback of an app with 1,000 variables in 3 environments, against the dev server",
    async run(ctx): Promise<Table[]> {
      const server = await startDevServer({ port: 0 });
      const root = join(ctx.workDir, "migrate-app");
      const env = { VAULTSHIFT_STATE_DIR: join(ctx.workDir, "migrate-state"), HOME: ctx.workDir };
      rmSync(env.VAULTSHIFT_STATE_DIR, { recursive: true, force: true });
      const vault = { address: server.address, token: server.rootToken };
      try {
        const { secrets } = makeApp(root, 1000);
        ctx.log(`migrate: app with ${secrets} secret entries written to ${root}`);
        const t0 = performance.now();
        const p = await plan({ root, env, vault });
        const t1 = performance.now();
        await apply(p, { root, env, vault });
        const t2 = performance.now();
        const v = await verify(p, { root, env, vault });
        const t3 = performance.now();
        await rollback({ root, env, vault });
        const t4 = performance.now();
        const ms = (a: number, b: number) => Math.round(b - a);
        return [
          {
            title: "Migration of 1,000 variables × 3 environments (dev server, in-process)",
            columns: ["stage", "wall time (ms)", "what"],
            rows: [
              ["plan", ms(t0, t1), `${p.secrets.length} secrets → ${p.targets.length} Vault paths, ${p.files.length} files`],
              ["apply", ms(t1, t2), "backups, CAS writes, policy, code + .env rewrites"],
              ["verify", ms(t2, t3), `read-back, policy check, re-scan → ${v.verdict}`],
              ["plan + apply + verify", ms(t0, t3), "target < 5,000 ms"],
              ["rollback", ms(t3, t4), "files byte for byte, Vault secrets deleted"],
            ],
            notes: [`Machine: ${ctx.cpus} logical CPUs. Fixture generated afresh each run (random values).`],
          },
        ];
      } finally {
        await server.close();
        rmSync(root, { recursive: true, force: true });
      }
    },
  },
];
