import { execFile } from "node:child_process";

// Runs the demo app's settings script the way its `npm run settings` would,
// as a child process with a clean environment, and returns the digest of its
// settings. Asynchronous on purpose: the dev server lives in this process, so
// a synchronous child would block the very event loop that has to answer it.

export interface AppRun {
  environment: string;
  ok: boolean;
  /** sha256 hex over every setting (secrets included), as the app prints it. */
  digest: string | null;
  /** What the app printed (no secret values: it prints lengths only). */
  output: string;
  /** Its error output when it failed. */
  error: string;
  ms: number;
}

export interface RunAppOptions {
  /** Script that prints `digest sha256:<hex>`; default `src/settings.mjs` (the demo app's). */
  entry?: string;
  timeoutMs?: number;
  /** Run the script through this command (`[vaultshift.js, "run", "--", node]`): node runs `prefix` then the entry. */
  prefix?: string[];
}

export function runApp(root: string, environment: string, env: Record<string, string>, options: RunAppOptions = {}): Promise<AppRun> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.prefix ?? []), options.entry ?? "src/settings.mjs"],
      {
        cwd: root,
        encoding: "utf8",
        timeout: timeoutMs,
        // Only what the app needs: no VAULT_* or secret from the caller leaks in.
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: environment, ...env },
      },
      (error, stdout, stderr) => {
        const digest = /digest sha256:([0-9a-f]{64})/.exec(stdout)?.[1] ?? null;
        resolve({ environment, ok: !error && digest !== null, digest, output: stdout, error: error ? String(stderr || error.message) : "", ms: Date.now() - started });
      },
    );
  });
}
