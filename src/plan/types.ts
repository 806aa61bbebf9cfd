import type { EnvSelection } from "../map/environment-selector.js";
import type { ScriptEnvironment } from "../apply/script-environment.js";
import type { Finding, SecretKind } from "../scan/types.js";
import type { Decision } from "./decisions.js";

// The contracts of the migration pipeline: what `plan()` decides, what the
// code rewriter, env cleaner and report renderers receive, and what `apply`,
// `verify`, `rollback` and `migrate` return. Everything here is serialisable
// and holds no secret value: a plan is meant to be reviewed and committed.

/** Where one secret lives in Vault (KV v2). `path` is relative to the mount, without `data/`. */
export interface VaultLocation {
  mount: string;
  path: string;
  key: string;
}

/**
 * An environment variable whose value now comes from Vault. The generated
 * secrets module maps `envName` to a Vault location; the code rewriter turns
 * `process.env.<envName>` into a read from that module.
 */
/** A binding kept from an earlier plan: its name, whether it was an environment variable or a hard-coded literal, and the plan that moved it. */
export interface CarriedBinding {
  name: string;
  from: "dotenv" | "literal";
  planId: string;
}

export interface SecretBinding {
  envName: string;
  mount: string;
  /** Path template; may contain `{environment}` (e.g. `shop/{environment}/database`). */
  path: string;
  key: string;
  /** The concrete path per environment the variable was found in (`development`, `production`, …). */
  environments: Record<string, { path: string }>;
}

/**
 * A secret hard-coded in source: the secret at line/column becomes a read of
 * mount/path/key through the secrets module, as `secrets.<name>`.
 */
export interface LiteralBinding {
  file: string;
  /** 1-based position of the secret's first character (UTF-16 columns), as in a Finding. */
  line: number;
  column: number;
  /** Position just after the secret's last character. */
  endLine: number;
  endColumn: number;
  /** Offsets of the secret in the file's content at plan time, end exclusive. */
  start: number;
  end: number;
  mount: string;
  path: string;
  key: string;
  /** The secrets-module name it becomes (`STRIPE_SECRET_KEY`); also a SecretBinding's envName. */
  name: string;
}

/** Something a person should know about the plan; never holds a value. */
export interface PlanWarning {
  /**
   * Stable code, e.g. `dynamic-env-access`, `browser-exposed`, `history-only`,
   * `in-git-history`, `unparsable-file`, `duplicate-value`, `rewrite-skipped`.
   */
  code: string;
  file?: string;
  line?: number;
  message: string;
}

/** Which stage produced a progress event. */
export type Stage = "scan" | "classify" | "map" | "plan" | "backup" | "write" | "policy" | "rewrite" | "clean" | "verify" | "report" | "rollback";

/** What `onProgress` receives: for people and the terminal UI. Never a value. */
export interface ProgressEvent {
  stage: Stage;
  /** 1-based within the stage; `total` 0 when unknown. */
  step: number;
  total: number;
  message: string;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** Where a planned secret's value is read from at apply time. */
export interface SecretSource {
  /**
   * `config`: a string in a JSON configuration file whose loader reads an environment variable over it (src/plan/config-secrets.ts).
   * `file`: a whole file a .env variable names by its path (src/plan/secret-files.ts); `name` is that variable.
   */
  type: "dotenv" | "literal" | "config" | "file";
  /** Relative to the project root, `/` separators. */
  file: string;
  line: number;
  column: number;
  /** Env variable name (dotenv) or the variable/property the literal was assigned to. */
  name: string;
  /**
   * dotenv only: the value refers to a migrated secret (`${DB_PASSWORD}`) and is
   * stored with its references expanded from the same file (src/classify/expansion.ts).
   */
  expand?: true;
  /**
   * dotenv with `expand` only: the files of one environment whose values are
   * read over `file`'s before expanding, first wins (a layered directory's
   * `.env.production` over its base `.env`): that environment's expansion.
   */
  layers?: string[];
  /** config only: the JSON path of the value in `file` (`["database", "connection", "password"]`); `name` is the variable its loader reads. */
  keyPath?: string[];
  /** file only: how the file's bytes are stored in Vault (base64 when they are not UTF-8 text). */
  encoding?: SecretFileEncoding;
  /** literal only: end position and offsets of the secret at plan time. */
  endLine?: number;
  endColumn?: number;
  start?: number;
  end?: number;
}

/** One secret the plan moves. */
export interface PlannedSecret {
  /** Stable within the plan: `s1`, `s2`, … */
  id: string;
  name: string;
  kind: SecretKind;
  confidence: number;
  reason: string;
  /** `development`, `production`, … or `shared` for hard-coded literals. */
  environment: string;
  source: SecretSource;
  /** Other places holding the same value (same fingerprint) that the plan also cleans. */
  duplicates: SecretSource[];
  target: VaultLocation;
  /** HMAC-SHA-256(plan salt, value), hex. */
  fingerprint: string;
  /** `sk_l…(32 chars)` (src/util/redact.ts). */
  redacted: string;
  /** The value was added in a git commit (it stays readable in history: rotate it). */
  inGitHistory?: boolean;
  /** A user's decision (`migrate.decisions`) made it a secret or chose its target; the reason says which. */
  decidedByUser?: true;
}

/** A variable that stays where it is (plain config or public). */
export interface PlannedConfig {
  name: string;
  file: string;
  line: number;
  verdict: "config" | "public";
  reason: string;
  /** A user's decision (`migrate.decisions`) keeps it; the reason says so. */
  decidedByUser?: true;
}

/** One Vault secret (mount + path) the plan writes, with the keys it merges in. */
export interface PlannedTarget {
  mount: string;
  path: string;
  /** Keys and the fingerprint of the value each gets. */
  keys: Record<string, string>;
  /** Current KV version seen at plan time (0 = absent, null = Vault not consulted). */
  versionAtPlan: number | null;
}

/** `secret-file`: a file whose content moved to Vault; apply deletes it (rollback restores it). */
export type FileChangeKind = "code" | "secrets-module" | "env" | "env-example" | "gitignore" | "package-json" | "config" | "secret-file" | "launcher";

/** A start of the app outside npm (a Procfile line, a Dockerfile CMD, a systemd ExecStart=) that apply puts under `vaultshift run` (src/plan/launcher-starts.ts). */
export interface LauncherEdit {
  file: string;
  /** 1-based. */
  line: number;
  /** The line as planned (no value: a command). */
  before: string;
  after: string;
}

/** How a secret file's bytes are stored as a Vault string. */
export type SecretFileEncoding = "utf8" | "base64";

/**
 * A file named by a .env variable's path (`KAFKA_SSL_KEY_PATH=certs/client-key.pem`) whose
 * content moved to Vault (src/plan/secret-files.ts). The variable stays in its .env file;
 * `vaultshift run` writes the content into a private temporary directory under `baseName`
 * and sets `envName` to that path for the command it starts (src/run/secret-files.ts).
 */
export interface PlannedSecretFile {
  envName: string;
  /** The file in the project (relative to the root); apply deletes it. */
  file: string;
  baseName: string;
  encoding: SecretFileEncoding;
  size: number;
  /** sha256 hex of the file's bytes: verify checks that Vault's value decodes to exactly them. */
  sha256: string;
  mount: string;
  key: string;
  /** The environments whose variable names this file, and the Vault path of each. */
  environments: Record<string, { path: string }>;
  /** Environments whose own .env file sets `envName` to something else: the shared layer's file does not serve them. */
  notIn?: string[];
}

/**
 * A secret taken out of a JSON configuration file (src/plan/config-secrets.ts): the member at
 * `keyPath` is removed (nconf, rc, node-config) or its value becomes `${envName}` (a file whose
 * loader substitutes `${NAME}`); node-config also gains `keyPath → envName` in `mappingFile`.
 */
export interface PlanConfigEdit {
  file: string;
  keyPath: string[];
  /** remove: the member goes; substitute: the value becomes "${envName}"; drop-default: a framework helper's default goes (`env('NAME')`, src/plan/env-helper-defaults.ts). */
  how: "remove" | "substitute" | "drop-default";
  envName: string;
  mappingFile?: string;
}

/** One file the plan changes; hashes let apply refuse if it changed since, and rollback check nobody changed it after. */
export interface PlannedFileChange {
  file: string;
  kind: FileChangeKind;
  /** sha256 hex of the bytes before; null when the plan creates the file. */
  beforeHash: string | null;
  /** sha256 hex of the bytes after; null when the plan deletes the file (a `secret-file`). */
  afterHash: string | null;
  /** Unified diff with every secret replaced by its redacted label. */
  diff: string;
  /** Number of edits (code rewrites) or removed lines (env). */
  edits: number;
}

export interface Plan {
  format: "vaultshift-plan";
  version: 1;
  /** sha256 of the plan's content without this field: identifies the plan in the journal. */
  id: string;
  createdAt: string;
  app: string;
  /** Project identity (used for the state directory), not a path on the planning machine. */
  projectId: string;
  mount: string;
  /** Salt of every fingerprint in this plan (random per plan). */
  salt: string;
  secrets: PlannedSecret[];
  config: PlannedConfig[];
  targets: PlannedTarget[];
  files: PlannedFileChange[];
  bindings: SecretBinding[];
  literals: LiteralBinding[];
  /** The ACL policy apply writes so that the app can read its secrets. */
  policy: { name: string; hcl: string };
  /** Where the generated secrets module goes and how it is imported. */
  secretsModule: { file: string; language: "ts" | "js"; moduleKind: "esm" | "cjs"; companion?: { file: string } } | null;
  /** Migrated names no code reads by name (a library or the framework does): the secrets module sets them in process.env. */
  envExports?: string[];
  /** Secrets taken out of JSON configuration files, read by their loader from the environment instead. Absent: none. */
  configEdits?: PlanConfigEdit[];
  /**
   * Bindings an earlier migration of this project made that this plan keeps (src/plan/carried.ts):
   * their values moved before, so this plan neither writes nor verifies them, but the secrets module,
   * the policy and `vaultshift run` go on reading them. Absent: none.
   */
  carried?: CarriedBinding[];
  /** Files named by a .env variable whose content moved to Vault; `vaultshift run` writes them at run time. Absent: none. */
  secretFiles?: PlannedSecretFile[];
  /** npm scripts loading a .env file themselves whose VAULTSHIFT_ENV apply sets (src/apply/script-environment.ts). */
  scriptEnvironments?: ScriptEnvironment[];
  /** Starts outside npm that apply runs under `vaultshift run` (a secret file the app reads is written there). Absent: none. */
  launcherEdits?: LauncherEdit[];
  /**
   * Every .env file read: its key names and those the plan migrates (names
   * only), and the environment it was mapped to (absent in older plans);
   * `selectedBy: "project-id"` when that environment is a Google Cloud project
   * id the runtime selects by (Firebase's `functions/.env.<projectId>`);
   * `selector` when the app's loader picks the file by a variable other than
   * NODE_ENV (`.env.${APP_ENV}`: src/map/environment-selector.ts).
   */
  envFiles: PlanEnvFile[];
  warnings: PlanWarning[];
}

/** A .env file of the plan: its key names, the migrated ones, and how its environment is chosen. */
export interface PlanEnvFile {
  file: string;
  keys: string[];
  migratedKeys: string[];
  environment?: string;
  selectedBy?: "project-id";
  selector?: EnvSelection;
}

/** A secret as the compliance report shows it. */
export interface ReportSecret {
  name: string;
  kind: SecretKind;
  confidence: number;
  reason: string;
  environment: string;
  source: { file: string; line: number; name: string; type: SecretSource["type"] };
  target: VaultLocation & { version: number | null };
  /** First 12 hex characters of the plan fingerprint. */
  fingerprintPrefix: string;
  /** Read back from Vault and matched the fingerprint. */
  verified: boolean | null;
  /** A token holding only the app's policy can read it. */
  readableByPolicy: boolean | null;
  /** The value also appears in git history (needs rotation). */
  inGitHistory?: boolean;
  /** Days since the value was last changed at its source, when known. */
  rotationAgeDays?: number | null;
}

export interface ManualAction {
  code: string;
  file?: string;
  line?: number;
  message: string;
}

/**
 * `unchecked`: everything verify could check held, but a check could not run
 * (the token may not test the policy, the re-scan could not read a file):
 * never "zero-secrets" for what was not looked at.
 */
export type Verdict = "zero-secrets" | "secrets-remaining" | "unchecked" | "incomplete";

/** A verify check that did not run: which, why, and what the user can do. */
export interface UncheckedCheck {
  check: "policy" | "rescan";
  reason: string;
  next: string;
}

/** Everything the report renderers need. */
export interface ReportInput {
  app: string;
  generatedAt: string;
  verdict: Verdict;
  vault: { address: string | null; mount: string; policy: string };
  planId: string;
  secrets: ReportSecret[];
  config: PlannedConfig[];
  /** Files the migration changed. */
  files: { file: string; kind: FileChangeKind; edits: number }[];
  warnings: PlanWarning[];
  /** Things a person must still do (rotate a leaked secret, rewrite dynamic access…). */
  manualActions: ManualAction[];
  rescan: { findings: Finding[]; filesScanned: number | null };
  /** Verify checks that could not run: the verdict is then never "zero-secrets". */
  unchecked: UncheckedCheck[];
  /** What earlier migrations moved and the app still reads from Vault (carried by this plan), as the last verify found it. */
  kept?: ReportKept[];
  /** Counts for the summary line. */
  totals: { secrets: number; verified: number; readable: number; config: number; remaining: number };
}

/** Result of `apply`. */
export interface ApplyResult {
  planId: string;
  dryRun: boolean;
  /** True when the journal showed the plan fully applied already: nothing was changed. */
  alreadyApplied: boolean;
  writes: { mount: string; path: string; keys: string[]; versionBefore: number; version: number | null; skipped: boolean }[];
  files: { file: string; kind: FileChangeKind; changed: boolean }[];
  policy: { name: string; written: boolean };
  warnings: PlanWarning[];
  /** dry-run: the redacted diffs that would be applied. */
  diffs: string[];
}

export interface SecretCheck {
  id: string;
  name: string;
  target: VaultLocation;
  version: number | null;
  /** `ok`, `missing`, `mismatch` (fingerprint differs), `error` (could not read). */
  status: "ok" | "missing" | "mismatch" | "error";
  readableByPolicy: boolean | null;
  message?: string;
}

/**
 * A secret an earlier migration moved and this plan carried forward (`plan.carried`):
 * checked for presence in Vault and for the policy, not by fingerprint (it may
 * have been rotated in Vault since, which is what Vault is for).
 */
export interface KeptCheck {
  name: string;
  environment: string;
  target: VaultLocation;
  /** The plan that moved it. */
  planId: string;
  version: number | null;
  /** `ok` (a value is there), `missing`, `error` (could not read). */
  status: "ok" | "missing" | "error";
  readableByPolicy: boolean | null;
  message?: string;
}

/** A carried binding in the compliance report: `present`/`readableByPolicy` null when no verify checked it. */
export interface ReportKept {
  name: string;
  environment: string;
  target: VaultLocation & { version: number | null };
  planId: string;
  present: boolean | null;
  readableByPolicy: boolean | null;
}

/** Result of `verify`. */
export interface Verification {
  planId: string;
  verifiedAt: string;
  verdict: Verdict;
  secrets: SecretCheck[];
  /** What earlier migrations moved and this plan keeps reading (absent when nothing was carried). */
  kept?: KeptCheck[];
  rescan: { findings: Finding[]; filesScanned: number | null };
  policy: { name: string; checked: boolean; message?: string };
  /** Checks that could not run (absent in verifications recorded before 2026-11-23). */
  unchecked?: UncheckedCheck[];
}

export interface RollbackResult {
  planId: string;
  files: { file: string; action: "restored" | "deleted" | "unchanged" }[];
  vault: { mount: string; path: string; action: "restored" | "deleted" | "unchanged"; version: number | null }[];
  policy: { name: string; action: "restored" | "deleted" | "unchanged" };
}

/**
 * How vaultshift reaches Vault. Defaults follow the Vault CLI: VAULT_ADDR,
 * VAULT_TOKEN (else ~/.vault-token), VAULT_NAMESPACE, VAULT_CACERT, or AppRole
 * with VAULT_ROLE_ID + VAULT_SECRET_ID.
 */
export interface VaultConnection {
  address: string;
  token?: string;
  namespace?: string;
  caCert?: string;
  appRole?: { roleId: string; secretId: string; mount?: string };
}

export interface PlanOptions {
  /** Project root (the directory scanned and rewritten). */
  root: string;
  /** Default: package.json `name` (scope removed), else the directory name. */
  app?: string;
  /** KV v2 mount. Default `secret`. */
  mount?: string;
  /** Path templates; placeholders `{app}`, `{environment}`, `{group}`. */
  templates?: { env?: string; literal?: string };
  /** Vault, to record each target's current version (optional). */
  vault?: VaultConnection;
  /** Scan git history for secrets that were committed (default true when PATH is a git repository). */
  history?: boolean;
  onProgress?: ProgressListener;
  /** Environment for the state dir and Vault defaults; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The user's decisions; default the config's `migrate.decisions` (src/plan/decisions.ts). */
  decisions?: Decision[];
}

export interface ApplyOptions {
  root: string;
  vault: VaultConnection;
  dryRun?: boolean;
  onProgress?: ProgressListener;
  env?: NodeJS.ProcessEnv;
  /**
   * Called before each journaled step with its 1-based number and id; throwing
   * aborts the run there (fault injection; `VAULTSHIFT_FAIL_AT_STEP=N` does the
   * same from the environment).
   */
  onStep?: (step: number, id: string) => void;
}

export interface VerifyOptions {
  root: string;
  vault: VaultConnection;
  onProgress?: ProgressListener;
  env?: NodeJS.ProcessEnv;
}

export interface RollbackOptions {
  root: string;
  vault: VaultConnection;
  /** Restore even files/secrets changed since apply. */
  force?: boolean;
  onProgress?: ProgressListener;
  env?: NodeJS.ProcessEnv;
}

/** `migrate()`: plan + apply + verify + report, no questions. Used by `vaultshift migrate --yes` and `vaultshift demo`. */
export interface MigrateOptions extends PlanOptions {
  vault: VaultConnection;
  /** Where the plan file is written; default `<root>/vaultshift.plan.json`. */
  planFile?: string;
  /** Where reports go; default `<root>/reports`. */
  reportsDir?: string;
  onStep?: ApplyOptions["onStep"];
}

export interface MigrateResult {
  plan: Plan;
  apply: ApplyResult;
  verification: Verification;
  report: ReportInput;
  /** Paths written by `writeReports`. */
  reports: string[];
}
