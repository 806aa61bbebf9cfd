import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { AppRun } from "../demo/app-runner.js";

// Starts an app the way its launcher does, from the harness, not from the app's own digest
// script: the migration rewrites that script when it hands process.env to a child
// (`whole-env-use`), which can hide a loss at the launcher's level (a shell script sourcing a
// .env file that no longer holds the secrets, a task runner). npm runs a script as `sh -c
// <command>` with node_modules/.bin first on PATH; a Procfile line is run by `sh -c` too.
// The command is read from the tree at each run, so after the migration it is the migrated
// one (wrapped in `vaultshift run` where apply wrapped it).

/** How an app opts in: the command each environment starts, and what else its environment holds. */
export interface Launch {
  /** Environment → npm script name (`{ development: "dev", production: "start" }`), run as `npm run` runs it. */
  scripts?: Record<string, string>;
  /** Environment → a command line run as `sh -c` in the app root (a Procfile's line, a Dockerfile's CMD as sh runs it). */
  commands?: Record<string, (root: string) => string>;
  /** Extra variables (`DRY_RUN=1`, so a server prints its settings and exits). */
  env?: Record<string, string>;
}

/** `npm run dev` on a laptop, `npm start` in production, the server printing its settings and exiting (DRY_RUN). */
export const NPM_DEV_START: Launch = { scripts: { development: "dev", production: "start" }, env: { DRY_RUN: "1" } };

/** Whether `launch` starts `environment` (an app may have a launcher for some environments only). */
export const launches = (launch: Launch, environment: string): boolean => launch.scripts?.[environment] !== undefined || launch.commands?.[environment] !== undefined;

/** The command `launch` starts in `environment`, read from the tree now. */
export function launchCommand(root: string, launch: Launch, environment: string): { command: string; script?: string } {
  const script = launch.scripts?.[environment];
  if (script !== undefined) {
    const { scripts } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts?: Record<string, string> };
    const command = scripts?.[script];
    if (command === undefined) throw new Error(`package.json has no script "${script}" to start ${environment} with`);
    return { command, script };
  }
  const command = launch.commands?.[environment];
  if (command === undefined) throw new Error(`the launch of this app names no command for ${environment}`);
  return { command: command(root) };
}

/** Runs the launcher's command for `environment`; the digest is over its whole standard output. */
export function runLaunched(root: string, launch: Launch, environment: string, env: Record<string, string>, timeoutMs = 60_000): Promise<AppRun> {
  const { command, script } = launchCommand(root, launch, environment);
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      "sh",
      ["-c", command],
      {
        cwd: root,
        encoding: "utf8",
        timeout: timeoutMs,
        env: {
          // npm puts node_modules/.bin first on PATH; a Procfile, a container or systemd do not.
          PATH: script !== undefined ? [join(root, "node_modules", ".bin"), process.env.PATH ?? ""].join(delimiter) : (process.env.PATH ?? ""),
          HOME: process.env.HOME ?? "",
          NODE_ENV: environment,
          ...(script !== undefined ? { npm_lifecycle_event: script } : {}),
          ...launch.env,
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const ok = !error && stdout.trim() !== "";
        const digest = ok ? createHash("sha256").update(stdout.trim()).digest("hex") : null;
        resolve({ environment, ok, digest, output: stdout, error: error ? String(stderr || error.message) : "", ms: Date.now() - started });
      },
    );
  });
}
