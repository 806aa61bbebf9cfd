// What kind of file a path names: decides how the engine reads it. Only the
// path is used (the engine never touches the file system).

export type FileKind = "dotenv" | "js" | "code" | "config" | "docs" | "lockfile" | "sourcemap";

export interface FileInfo {
  kind: FileKind;
  /** `.env.example`, `.env.sample`, `env.template`…: values are placeholders unless they look real. */
  example: boolean;
  /** Under a test/fixture/example folder or named like a test: only real-looking values count. */
  testPath: boolean;
  /** Unquoted values after `=` / `:` are literals here (config, shell, env), not expressions (code). */
  unquotedLiterals: boolean;
  /**
   * `name value` lines with no operator are settings here (`*.conf`, `*.cfg`, `*.cnf`: Redis, Mosquitto, Squid…; Groovy `*.gradle`).
   * fileInfo always sets it, so that every FileInfo has one hidden class in V8 (a second shape made the
   * detectors' property reads polymorphic and deoptimised them); optional for hand-made infos.
   */
  spaceSeparated?: boolean;
}

const JS_EXT = /\.(?:[cm]?jsx?|[cm]?tsx?)$/i;
// Visual Basic modules, classes and scripts (`.bas`, `.cls`, `.vbs`, `.vba`) are code.
// C++ template and inline implementation files (`.tcc` in libstdc++, `.tpp`/`.ipp`/`.inl`) and modules (`.ixx`, `.cppm`) are code too,
// and so are Arduino sketches (`.ino`, and `.pde` of the older IDE and Processing): C++ the IDE wraps with a prototype header.
const CODE_EXT = /\.(?:py|pyw|rb|go|java|kt|kts|scala|sc|cs|fs|vb|php|rs|swift|c|cc|cpp|ino|pde|cxx|h|hh|hpp|hxx|tcc|tpp|ipp|inl|ixx|cppm|m|mm|groovy|dart|lua|pl|pm|r|ex|exs|erl|hrl|clj|cljs|elm|hs|ml|jl|vue|svelte|astro|coffee|cr|nim|zig|sol|bas|cls|vbs|vba|bzl|star)$/i;
// `.pod`: Perl's Plain Old Documentation (perlpod); `.rdoc`: Ruby's.
const DOCS_EXT = /\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt|html?|rtf|org|tex|pod|rdoc)$/i;
const LOCKFILES = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|Cargo\.lock|poetry\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock|go\.sum|mix\.lock|pubspec\.lock|packages\.lock\.json|flake\.lock|uv\.lock|gradle\.lockfile|Podfile\.lock|deno\.lock)$/;
// `.env`, `.env.local`, `.env.production`, `.env.development.local`, `prod.env`, `.envrc`, `env.example`, `.env-sample`.
// `.dev.vars` (`.dev.vars.<environment>`): Cloudflare wrangler's local secrets, dotenv syntax
// (https://developers.cloudflare.com/workers/configuration/secrets/#local-development-with-secrets).
const DOTENV = /(?:^|\/)(?:\.env(?:[._-][\w.-]*)?|[\w.-]+\.env|\.envrc|env\.(?:example|sample|template|dist|defaults?|local|test)|\.dev\.vars(?:\.[\w-]+)?)$/i;
// env-cmd's `.env-cmdrc` is JSON (one object of variables per environment), not dotenv lines
// (https://github.com/toddbluhm/env-cmd#env-cmdrc-file); `.env-cmdrc.js` is code.
const ENV_CMDRC = /^\.env-cmdrc(?:\.json)?$/i;
const EXAMPLE = /(?:^|[._-])(?:example|examples|sample|samples|template|tmpl|dist|defaults?|tpl|skel|skeleton)(?:[._-]|$)/i;
const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|__mocks__|__fixtures__|spec|specs|fixtures?|testdata|test-data|test_data|mocks?|e2e|cypress|examples?|samples?|demos?|testing)(?:\/|$)|(?:^|\/)[^/]*(?:[._-](?:test|spec|tests|mock|fixture|stories|story)\.[a-z0-9]+|_test\.go|Test\.(?:java|kt|cs|scala))$|(?:^|\/)test_[^/]*\.py$|(?:^|\/)conftest\.py$/i;

// A program's run-control file with no extension (`.msmtprc`, `.mbsyncrc`, `/etc/msmtprc`, `.wgetrc`): most take
// `name value` lines, as msmtp's `password …` (msmtp(1) "Configuration files") and isync's `Pass …`
// (mbsync(1)) do. Shell rc files (`.bashrc`, `.zshrc`) are read the same way: a line of a name and one
// word is a command there, and no command is named like a secret.
const RC_FILE = /^\.?[a-z][a-z0-9_-]{1,30}rc$/i;

// Router and appliance configurations written as `name value` statements without an operator: OpenWrt's UCI
// files under `/etc/config/` (`option key '…'`, https://openwrt.org/docs/guide-user/base-system/uci#file_syntax)
// and the `config.boot` of VyOS and EdgeOS (`private-key "…"` inside braces, as Junos writes it).
const APPLIANCE_CONFIG = /(?:^|\/)etc\/config\/[a-z][\w-]{0,40}$|(?:^|\/)config\.boot$/;

// PSReadLine's command history (`ConsoleHost_history.txt`, one `<HostName>_history.txt` per PowerShell host: ConsoleHost, Visual Studio Code Host…, under
// `%APPDATA%\Microsoft\Windows\PowerShell\PSReadLine\`): the commands typed, one a line, not a document. It is read as the
// script it is, as `.bash_history` and `.zsh_history` already are (no extension: configuration), so a token under its
// variable's name (`$env:AZURE_DEVOPS_EXT_PAT = "…"`) is judged as a script's assignment, not as a sentence's word.
const PSREADLINE_HISTORY = /^[\w .-]*Host_history\.txt$/i;

export function fileInfo(file: string): FileInfo {
  const base = file.slice(file.lastIndexOf("/") + 1);
  const testPath = TEST_PATH.test(file);
  if (ENV_CMDRC.test(base)) return { kind: "config", example: false, testPath, unquotedLiterals: false, spaceSeparated: false };
  if (DOTENV.test(file) && !/\.(?:js|ts|json|ya?ml|md|py|sh)$/i.test(base)) {
    return { kind: "dotenv", example: EXAMPLE.test(base.replace(/^\.env/i, "")) || /^env\./i.test(base) && EXAMPLE.test(base), testPath, unquotedLiterals: true, spaceSeparated: false };
  }
  if (LOCKFILES.test(file)) return { kind: "lockfile", example: false, testPath, unquotedLiterals: false, spaceSeparated: false };
  if (/\.(?:js|css)\.map$|\.map$/i.test(base)) return { kind: "sourcemap", example: false, testPath, unquotedLiterals: false, spaceSeparated: false };
  if (JS_EXT.test(base)) return { kind: "js", example: false, testPath, unquotedLiterals: false, spaceSeparated: false };
  if (CODE_EXT.test(base)) return { kind: "code", example: false, testPath, unquotedLiterals: false, spaceSeparated: false };
  if (DOCS_EXT.test(base) && !PSREADLINE_HISTORY.test(base)) return { kind: "docs", example: false, testPath, unquotedLiterals: true, spaceSeparated: false };
  // HCL (Terraform): unquoted values are expressions (`var.x`, `random_password.db.result`), strings are quoted.
  const hcl = /\.(?:tf|tfvars|hcl|nomad)$/i.test(base);
  return { kind: "config", example: EXAMPLE.test(base), testPath, unquotedLiterals: !hcl, spaceSeparated: /\.(?:conf|cfg|cnf|gradle)$/i.test(base) || RC_FILE.test(base) || APPLIANCE_CONFIG.test(file) };
}
