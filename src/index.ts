// vaultshift's library: the pipeline stages, each usable on its own. The CLI
// and the terminal UI are clients of these exports.
export * from "./errors.js";
export type * from "./scan/types.js";
export { readDotenv, dotenvObject, type DotenvEntry } from "./scan/dotenv-reader.js";
export { redact } from "./util/redact.js";
export { main as runCliMain, runCli } from "./cli/main.js";
export { startDevServer, type DevServer, type DevServerOptions } from "./devserver/index.js";
export { scan, type ScanOptions, type ScanResult, type ScanStats, type ScanMode } from "./scan/scanner.js";
export type { SkipReason } from "./scan/file-scan.js";
export { loadConfig, CONFIG_FILE_NAMES, type LoadedConfig } from "./config/load.js";
export { validateConfig, type VaultshiftConfig, type Allowlist, type RuleAllowlist, type SchemaProblem } from "./config/schema.js";
export { formatScanText } from "./report/scan-text.js";
export { formatScanJson, scanJsonReport, SCAN_JSON_VERSION, type ScanJsonReport } from "./report/scan-json.js";
export { formatScanSarif, scanSarifReport, type RuleMetadata } from "./report/scan-sarif.js";
export { formatGithubAnnotations } from "./report/scan-github.js";
export type * from "./plan/types.js";
export { plan, apply, verify, rollback, migrate, loadReportInput, writeReportFiles, type Injected } from "./migrate/index.js";
export { readPlan, writePlan, validatePlan, DEFAULT_PLAN_FILE } from "./plan/plan-file.js";
export { connectionFromEnv } from "./apply/vault-store.js";
export { CasConflictError, type KvStore } from "./apply/kv-store.js";
export { InjectedFailure } from "./apply/applier.js";
export { scanText, type EngineOptions, type EngineResult, type TextInput } from "./scan/engine.js";
export { toFinding } from "./scan/to-finding.js";
export { classifyVariable, type Classification, type Verdict, type ClassifyOptions } from "./classify/index.js";
