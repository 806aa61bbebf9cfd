import type { PlanWarning } from "../plan/types.js";

// What the code rewriter reports instead of changing: each warning says where,
// what was left alone and what the user should do. Never contains a value.

export type RewriteWarningCode =
  /** `process.env[name]`: the name is not known before run time. */
  | "dynamic-env-access"
  /** NEXT_PUBLIC_/VITE_/REACT_APP_/EXPO_PUBLIC_…: inlined into client bundles. */
  | "browser-exposed"
  /** A form left alone on purpose (a write, a destructuring assignment, an ambiguous alias). */
  | "rewrite-skipped"
  /** `process.env.X = …` / `delete process.env.X` of a migrated name: now through processEnv, which secrets.X follows. */
  | "env-write"
  /** A child process or worker given an explicit env without process.env: it has no Vault credentials. */
  | "child-env"
  /** `process.env` passed on, spread, enumerated or tested with `in`: it no longer holds the migrated secrets. */
  | "whole-env-use"
  /** `dotenv.parse(…)` in a file that uses the parsed values directly: the migrated keys are gone from the files. */
  | "env-file-parse"
  /** `import.meta.env.X` of a name without a public prefix (server code): now read at run time. */
  | "build-time-env"
  /** `dotenv.config()` in an ES module's body runs after the secrets module has loaded. */
  | "load-order"
  /** A planned literal is no longer where the plan saw it. */
  | "literal-not-found"
  | "unparsable-file";

export interface RewriteWarning extends PlanWarning {
  code: RewriteWarningCode;
  file: string;
  /** The environment variable concerned, when there is one. */
  name?: string;
}
