import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import fg from "fast-glob";

// A dev container (VS Code, the devcontainer CLI, Codespaces) runs the app
// inside Docker with only the container's environment: `runArgs: ["--env-file",
// "${localWorkspaceFolder}/.devcontainer/devcontainer.env"]` has docker read
// that file when it starts the container (https://containers.dev/implementors/json_reference/,
// `docker run --env-file`: KEY=VALUE taken literally). The app never loads it,
// and the container gets none of the host's variables (VAULT_ADDR, a token)
// unless `remoteEnv`/`containerEnv` pass them: moved to Vault, its values
// would reach nothing in the container. Such a file is the dev container's
// development environment, read by docker: kept, each secret named.

/** devcontainer.json locations the spec lists: `.devcontainer/devcontainer.json`, `.devcontainer.json`, `.devcontainer/<name>/devcontainer.json`. */
const CONFIGS = ["**/.devcontainer/devcontainer.json", "**/.devcontainer.json", "**/.devcontainer/*/devcontainer.json"];

/** JSON with comments and trailing commas (devcontainer.json's format) as plain JSON text. */
export function stripJsonComments(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str: string | undefined) => str ?? "").replace(/,(\s*[}\]])/g, "$1");
}

/**
 * The .env files (of `envFiles`) that a dev container's `runArgs` give docker
 * with `--env-file FILE` / `--env-file=FILE`, each with the devcontainer.json
 * naming it. `${localWorkspaceFolder}` is the project root; a relative path is
 * taken from the project root (where the CLI and VS Code start docker), else
 * from the configuration's folder.
 */
export function devcontainerEnvFiles(root: string, envFiles: readonly string[], ignore: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const config of fg.sync(CONFIGS, { cwd: root, dot: true, onlyFiles: true, ignore: ["**/node_modules/**", ...ignore] }).sort()) {
    let parsed: { runArgs?: unknown };
    try {
      parsed = JSON.parse(stripJsonComments(readFileSync(join(root, config), "utf8"))) as { runArgs?: unknown };
    } catch {
      continue;
    }
    const args = Array.isArray(parsed.runArgs) ? parsed.runArgs.filter((a): a is string => typeof a === "string") : [];
    const workspace = config.includes("/") && config.split("/").includes(".devcontainer") ? config.slice(0, config.indexOf(".devcontainer")).replace(/\/$/, "") : posix.dirname(config) === "." ? "" : posix.dirname(config);
    for (let i = 0; i < args.length; i++) {
      const written = args[i] === "--env-file" ? args[i + 1] : args[i]!.startsWith("--env-file=") ? args[i]!.slice("--env-file=".length) : undefined;
      if (written === undefined) continue;
      const path = written.replace(/\$\{localWorkspaceFolder\}\/?/g, "").replace(/^["']|["']$/g, "");
      const candidates = [posix.normalize(posix.join(workspace, path)), posix.normalize(posix.join(posix.dirname(config), path))];
      const file = candidates.find((c) => envFiles.includes(c));
      if (file !== undefined && !out.has(file)) out.set(file, config);
    }
  }
  return out;
}
