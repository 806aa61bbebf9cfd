import { VaultshiftError } from "../errors.js";
import type { SecretBinding } from "../plan/types.js";

// The rewrite stage's pure functions, as the pipeline calls them. Loaded
// lazily so that planning a repository without JS sources never pays for the
// Babel parser, and typed here as the pipeline uses them.

export interface RewriteBridge {
  rewriteSource(input: {
    file: string;
    content: string;
    bindings: ReadonlyArray<{ name: string }>;
    secretsImport: string;
    literals: ReadonlyArray<{ name: string; line: number; column: number; endLine?: number; endColumn?: number }>;
  }): { content: string; changed: boolean; edits: number; warnings: { code: string; file: string; line?: number | undefined; message: string }[] };
  generateSecretsModule(input: { language: "ts" | "js"; moduleKind: "esm" | "cjs"; app: string; bindings: SecretBinding[] }): { content: string };
  cleanEnvFile(content: string, migratedKeys: string[]): string;
  updateEnvExample(existing: string | null, keys: string[]): string;
  ensureGitignore(existing: string | null): string;
  redactedDiff(file: string, before: string, after: string, secrets: string[]): string;
}

let cached: RewriteBridge | undefined;

export async function rewriteBridge(): Promise<RewriteBridge> {
  if (cached) return cached;
  const load = async (name: string): Promise<Record<string, unknown>> => {
    try {
      return (await import(new URL(`./${name}.js`, import.meta.url).href)) as Record<string, unknown>;
    } catch (error) {
      throw new VaultshiftError(`The rewrite stage (${name}) could not be loaded.`, { cause: error, hint: "Reinstall vaultshift; the package is incomplete." });
    }
  };
  const [code, mod, env, diff] = await Promise.all([load("code-rewriter"), load("secrets-module"), load("env-cleaner"), load("redacted-diff")]);
  cached = {
    rewriteSource: code.rewriteSource as RewriteBridge["rewriteSource"],
    generateSecretsModule: mod.generateSecretsModule as RewriteBridge["generateSecretsModule"],
    cleanEnvFile: env.cleanEnvFile as RewriteBridge["cleanEnvFile"],
    updateEnvExample: env.updateEnvExample as RewriteBridge["updateEnvExample"],
    ensureGitignore: env.ensureGitignore as RewriteBridge["ensureGitignore"],
    redactedDiff: diff.redactedDiff as RewriteBridge["redactedDiff"],
  };
  for (const [k, v] of Object.entries(cached)) {
    if (typeof v !== "function") throw new VaultshiftError(`The rewrite stage does not export ${k}().`, { hint: "Reinstall vaultshift; the package is incomplete." });
  }
  return cached;
}
