// vaultshift's library: the pipeline stages, each usable on its own. The CLI
// and the terminal UI are clients of these exports.
export * from "./errors.js";
export type * from "./scan/types.js";
export { readDotenv, dotenvObject, type DotenvEntry } from "./scan/dotenv-reader.js";
export { redact } from "./util/redact.js";
export { main as runCliMain, runCli } from "./cli/main.js";
export { startDevServer, type DevServer, type DevServerOptions } from "./devserver/index.js";
