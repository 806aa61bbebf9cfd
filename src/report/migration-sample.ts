import type { ReportInput, ReportSecret } from "../plan/types.js";
import type { SecretKind } from "../scan/types.js";

// A realistic ReportInput for the renderers' tests (and to look at the HTML
// while working on it). No real secret: labels are made up.

function secret(name: string, kind: SecretKind, environment: string, file: string, line: number, path: string, extra: Partial<ReportSecret> = {}): ReportSecret {
  return {
    name,
    kind,
    confidence: 0.95,
    reason: `name ${name} and a high-entropy value`,
    environment,
    source: { file, line, name, type: file.endsWith(".js") || file.endsWith(".ts") ? "literal" : "dotenv" },
    target: { mount: "secret", path, key: name, version: 1 },
    fingerprintPrefix: (name.length * 2654435761 + line).toString(16).padStart(12, "0").slice(0, 12),
    verified: true,
    readableByPolicy: true,
    inGitHistory: false,
    ...extra,
  };
}

export function sampleReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const secrets: ReportSecret[] = [
    secret("DATABASE_URL", "connection-string", "development", ".env", 3, "shop/development/database"),
    secret("STRIPE_SECRET_KEY", "api-key", "development", ".env", 5, "shop/development/stripe"),
    secret("SESSION_SECRET", "generic-secret", "development", ".env", 6, "shop/development/app"),
    secret("DATABASE_URL", "connection-string", "production", ".env.production", 2, "shop/production/database", { inGitHistory: true }),
    secret("STRIPE_SECRET_KEY", "api-key", "production", ".env.production", 3, "shop/production/stripe", { inGitHistory: true, target: { mount: "secret", path: "shop/production/stripe", key: "STRIPE_SECRET_KEY", version: 3 } }),
    secret("SESSION_SECRET", "generic-secret", "production", ".env.production", 4, "shop/production/app"),
    secret("SENDGRID_API_KEY", "api-key", "production", ".env.production", 5, "shop/production/sendgrid"),
    secret("DATABASE_URL", "connection-string", "staging", ".env.staging", 2, "shop/staging/database"),
    secret("GITHUB_TOKEN", "token", "shared", "src/github.js", 4, "shop/shared/app"),
  ];
  return {
    app: "shop",
    generatedAt: "2026-11-22T09:00:00.000Z",
    verdict: "zero-secrets",
    vault: { address: "http://127.0.0.1:8200", mount: "secret", policy: "shop-read" },
    planId: "3f9a2c1be07d44aa9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a",
    secrets,
    config: [
      { name: "PORT", file: ".env", line: 1, verdict: "config", reason: "a port number" },
      { name: "LOG_LEVEL", file: ".env", line: 2, verdict: "config", reason: "a log level" },
      { name: "NEXT_PUBLIC_MAPS_KEY", file: ".env", line: 8, verdict: "public", reason: "browser-exposed prefix: shipped to every visitor" },
    ],
    files: [
      { file: "src/db.js", kind: "code", edits: 1 },
      { file: "src/github.js", kind: "code", edits: 1 },
      { file: "src/secrets.js", kind: "secrets-module", edits: 1 },
      { file: ".env", kind: "env", edits: 3 },
      { file: ".env.production", kind: "env", edits: 4 },
      { file: ".env.example", kind: "env-example", edits: 9 },
      { file: ".gitignore", kind: "gitignore", edits: 1 },
    ],
    warnings: [{ code: "dynamic-env-access", file: "src/config.js", line: 12, message: "src/config.js:12: dynamic environment read (process.env[name]) is not rewritten." }],
    manualActions: [
      { code: "rotate", message: "Rotate STRIPE_SECRET_KEY and DATABASE_URL (production): they are in git history." },
      { code: "dynamic-env-access", file: "src/config.js", line: 12, message: "Read the secret from the secrets module by name instead of process.env[name]." },
    ],
    rescan: { findings: [], filesScanned: 42 },
    unchecked: [],
    totals: { secrets: secrets.length, verified: secrets.length, readable: secrets.length, config: 3, remaining: 0 },
    ...overrides,
  };
}
