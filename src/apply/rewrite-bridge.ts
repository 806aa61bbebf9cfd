import { moduleKindOf, rewriteSource } from "./code-rewriter.js";
import { generateSecretsModule } from "./secrets-module.js";
import { cleanEnvFile, ensureGitignore, updateEnvExample } from "./env-cleaner.js";
import { redactedDiff } from "./redacted-diff.js";

// The rewrite stage's pure functions, as the pipeline calls them (one place
// to adapt if their signatures change).

export interface RewriteBridge {
  rewriteSource: typeof rewriteSource;
  moduleKindOf: typeof moduleKindOf;
  generateSecretsModule: typeof generateSecretsModule;
  cleanEnvFile: typeof cleanEnvFile;
  updateEnvExample: typeof updateEnvExample;
  ensureGitignore: typeof ensureGitignore;
  redactedDiff: typeof redactedDiff;
}

const bridge: RewriteBridge = { rewriteSource, moduleKindOf, generateSecretsModule, cleanEnvFile, updateEnvExample, ensureGitignore, redactedDiff };

export async function rewriteBridge(): Promise<RewriteBridge> {
  return bridge;
}
