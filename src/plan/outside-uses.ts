import { dotenvPreloads, hasCrossEnv, NODE_RUNNERS, replaceScript, scriptCommand, selfLoadingPrograms, withScriptEnvironment, withVaultshiftRun, type ScriptEnvironment } from "../apply/script-environment.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { SKIP_DIRS } from "../classify/candidates.js";
import type { PlannedSecret, PlanWarning } from "./types.js";
import { escapeRegExp } from "../util/regexp.js";
import { BASE_LAYER_ENVIRONMENT, dirOf, dotenvLoads, environmentOf } from "../map/environment.js";

// Tools other than the app read the same variables: npm scripts (`$API_TOKEN`
// through dotenv-cli or the shell), docker compose (`${DB_PASSWORD}`
// interpolated from the project's .env, `env_file: .env`), the Serverless
// Framework (`${env:PDF_API_KEY}` with `useDotenv`), shell scripts, Makefiles.
// vaultshift does not rewrite them, and after the migration the .env file no
// longer holds what they read: the plan says where, before anything changes.
// Cloudflare Workers get their settings as `env` bindings (wrangler.toml
// `[vars]`, `.dev.vars`), never from process.env: not something the secrets
// module can serve.

/** mise's configuration files (mise.toml, .mise.toml, mise.<env>.toml, mise.local.toml, .config/mise.toml, mise/config.toml…), Taskfiles and justfiles. */
const TASK_RUNNER_FILES = ["**/{.,}mise{,.*}.toml", "**/.config/mise{,.*}.toml", "**/{.,}mise/config{,.*}.toml", "**/.config/mise/config{,.*}.toml", "**/{T,t}askfile{,.dist}.{yml,yaml}", "**/{J,j,.j}ustfile"];
const MISE = /(?:^|\/)(?:\.?mise(?:\.[^/]+)?\.toml|(?:\.config\/|\.?)mise\/config(?:\.[^/]+)?\.toml)$/;
const TASKFILE = /(?:^|\/)[Tt]askfile(?:\.dist)?\.ya?ml$/;
const JUSTFILE = /(?:^|\/)(?:[Jj]|\.j)ustfile$/;

const FILES = [
  "**/package.json",
  "**/{docker-,}compose*.{yml,yaml}",
  "**/serverless*.{yml,yaml}",
  "**/Procfile",
  "**/Makefile",
  "**/*.sh",
  // Prisma's schema (`url = env("DATABASE_URL")`) and sequelize-cli's config (`"use_env_variable": "DATABASE_URL"`).
  "**/*.prisma",
  "**/config/config.json",
  // npm and Yarn expand `${NPM_TOKEN}` in their config from the environment (a registry's auth token).
  "**/.npmrc",
  "**/.yarnrc.yml",
  // direnv: `dotenv` / `dotenv_if_exists FILE` load a .env file into the shell, `$NAME` reads one.
  "**/.envrc",
  // Task runners that load .env files into their tasks' environment and render templates
  // from it: mise (`[env]` `_.file`, Tera `{{env.NAME}}`), Task (`dotenv:`, `{{.NAME}}`),
  // just (`set dotenv-load`, `env_var("NAME")`, `$NAME` in recipes).
  ...TASK_RUNNER_FILES,
  // Programs in other languages beside the app (a Python cron job, a Ruby or PHP script, a Go
  // tool) loading the same .env files with their own dotenv (python-dotenv, dotenv gem,
  // vlucas/phpdotenv, godotenv): the secrets module serves Node code only (since round 10).
  "**/*.{py,rb,go,php}",
];

/** Source files of other languages: only their own environment reads count there (a PHP `$NAME` is a variable). */
const OTHER_LANGUAGE = /\.(?:py|rb|go|php)$/;

interface Moved {
  name: string;
  envFiles: Set<string>;
  secret: PlannedSecret;
  /** The environment of each file's own entry of the name (not an environment's expansion of another file's). */
  environments: Map<string, string>;
  /** referencePattern(name), built once: it is tried on every line of every file. */
  reference: RegExp;
  /** otherLanguageReference(name), for Python, Ruby, Go and PHP files. */
  otherLanguage: RegExp;
}

/**
 * A read of NAME from the environment in Python (`os.environ["NAME"]`, `os.environ.get("NAME")`,
 * `os.getenv("NAME")`, `environ["NAME"]`), Ruby (`ENV["NAME"]`, `ENV.fetch("NAME")`), Go
 * (`os.Getenv("NAME")`, `os.LookupEnv("NAME")`) or PHP (`getenv("NAME")`, `$_ENV["NAME"]`,
 * `$_SERVER["NAME"]`, Laravel's `env("NAME")`).
 */
function otherLanguageReference(name: string): RegExp {
  const q = `["']${escapeRegExp(name)}["']`;
  return new RegExp(`(?:\\bos\\.)?\\benviron(?:\\.get)?\\s*[[(]\\s*${q}|(?:\\bos\\.)?\\bgetenv\\s*\\(\\s*${q}|\\bENV(?:\\.fetch)?\\s*[[(]\\s*${q}|\\bos\\.(?:Getenv|LookupEnv)\\(\\s*"${escapeRegExp(name)}"|\\$_(?:ENV|SERVER)\\s*\\[\\s*${q}|\\benv\\(\\s*${q}`);
}

/**
 * `$NAME`, `${NAME}`, `${NAME:-x}`, `${env:NAME}` (Serverless), `%NAME%` (cmd.exe npm scripts),
 * `process.env.NAME` / `process.env["NAME"]` in inline code (`node -e "…"` in a script or Procfile),
 * and task runners' templates: `{{env.NAME}}` / `get_env(name="NAME")` (mise's Tera),
 * `{{.NAME}}` (Task), `env_var("NAME")` / `env_var_or_default(…)` / `env("NAME")` (just).
 */
function referencePattern(name: string): RegExp {
  const n = escapeRegExp(name);
  return new RegExp(
    `\\$\\{(?:env:)?${n}(?:[:?-][^}]*)?\\}|\\$\\(${n}\\)|\\$${n}(?![A-Za-z0-9_])|%${n}%|process\\.env(?:\\.${n}(?![A-Za-z0-9_$])|\\[\\\\?["'\`]${n}\\\\?["'\`]\\])|\\benv\\(\\s*"${n}"\\s*\\)|"use_env_variable"\\s*:\\s*"${n}"|\\{\\{-?\\s*(?:env)?\\.${n}\\s*-?\\}\\}|\\bget_env\\(\\s*name\\s*=\\s*["']${n}["']|\\benv(?:_var(?:_or_default)?)?\\(\\s*["']${n}["']`,
  );
}

/** A read as matched (`os.environ["X"`, `ENV.fetch("X"`), closed: `os.environ["X"]`. */
function shownCall(matched: string): string {
  const compact = matched.replace(/\s+/g, "");
  return compact + (compact.lastIndexOf("[") > compact.lastIndexOf("(") ? "]" : ")");
}

function what(file: string): string {
  const base = file.split("/").pop() ?? file;
  if (base === "package.json") return "an npm script";
  if (/compose/i.test(base)) return "docker compose";
  if (/^serverless/i.test(base)) return "the Serverless Framework";
  if (base === "Procfile") return "the Procfile";
  if (base === "Makefile") return "make";
  if (base.endsWith(".prisma")) return "Prisma";
  if (base === "config.json") return "sequelize-cli";
  if (base === ".envrc") return "direnv (.envrc)";
  if (MISE.test(file)) return "mise (its [env] templates are rendered before any task runs)";
  if (TASKFILE.test(file)) return "Task (Taskfile)";
  if (JUSTFILE.test(file)) return "just (justfile)";
  if (base === ".npmrc") return "npm (.npmrc, expanded from the environment of each npm command)";
  if (base === ".yarnrc.yml") return "Yarn (.yarnrc.yml, expanded from the environment of each yarn command)";
  if (base.endsWith(".py")) return "a Python program";
  if (base.endsWith(".rb")) return "a Ruby program";
  if (base.endsWith(".go")) return "a Go program";
  if (base.endsWith(".php")) return "a PHP program";
  return "a shell script";
}

/**
 * `scripts`, when given, receives each npm script that loads a .env file itself and whose
 * VAULTSHIFT_ENV apply sets (src/apply/script-environment.ts).
 */
export function outsideUses(root: string, secrets: PlannedSecret[], exclude: string[] = [], scripts?: ScriptEnvironment[], readElsewhere?: Set<string>): PlanWarning[] {
  const moved = new Map<string, Moved>();
  for (const s of secrets) {
    if (s.source.type !== "dotenv") continue;
    const m = moved.get(s.name) ?? { name: s.name, envFiles: new Set<string>(), secret: s, environments: new Map<string, string>(), reference: referencePattern(s.name), otherLanguage: otherLanguageReference(s.name) };
    m.envFiles.add(s.source.file);
    if (!s.source.layers && !m.environments.has(s.source.file)) m.environments.set(s.source.file, s.environment);
    for (const d of s.duplicates) m.envFiles.add(d.file);
    moved.set(s.name, m);
  }
  // The .env file `target` names, relative to the file naming it, and the moved variables it held.
  const movedFrom = (file: string, target: string): { rel: string; names: string[] } => {
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    const rel = `${dir}${target.replace(/^\.\//, "")}`;
    return { rel, names: [...moved.values()].filter((m) => m.envFiles.has(rel)).map((m) => m.name) };
  };
  const warnings: PlanWarning[] = [];
  const files = fg.sync(FILES, { cwd: root, dot: false, onlyFiles: true, ignore: [...SKIP_DIRS.map((d) => `**/${d}/**`), ...exclude], followSymbolicLinks: false });
  for (const file of files.sort()) {
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    const lines = text.split(/\r?\n/);
    const isPackage = file.endsWith("package.json");
    if (OTHER_LANGUAGE.test(file)) {
      // One warning per name and file, at its first read: a program, not a line, is what loses it.
      for (const m of moved.values()) {
        const ref = m.otherLanguage.exec(text);
        if (!ref) continue;
        const line = text.slice(0, ref.index).split("\n").length;
        const t = m.secret.target;
        readElsewhere?.add(m.name);
        warnings.push({
          code: "outside-use",
          file,
          line,
          message: `${file}:${line}: ${what(file)} reads ${m.name} (${shownCall(ref[0])}), which moves from ${[...m.envFiles].sort().join(", ")} to Vault (${t.mount}/${t.path}#${t.key}). vaultshift rewrites JavaScript and TypeScript only, and after the migration that .env file no longer provides ${m.name} to a program that loads it: give it to this program from Vault (its Vault client, or start it under \`vaultshift run --\`, which puts the plan's secrets into its environment), or it runs without it.`,
        });
      }
      continue;
    }
    let inScripts = false;
    let envFileIndent = -1;
    lines.forEach((line, i) => {
      // In package.json only the scripts run a shell.
      if (isPackage) {
        if (/^\s*"scripts"\s*:/.test(line)) inScripts = true;
        else if (inScripts && /^\s*}/.test(line)) inScripts = false;
        if (!inScripts) return;
      }
      if (isPackage) {
        const w = scriptEnvFileLoad(file, i + 1, line, moved, text, (program, command) => (program === "just" ? justLoads(root, dirOf(file), command) : []));
        if (w) warnings.push(w.warning);
        if (w?.script) scripts?.push(w.script);
      }
      for (const m of moved.values()) {
        const ref = m.reference.exec(line);
        if (!ref) continue;
        const t = m.secret.target;
        // The reference as written, without a `:-default` (which could be a value).
        if ((ref[0].startsWith("env(") && file.endsWith(".prisma")) || ref[0].startsWith('"use_env_variable"')) {
          const prisma = ref[0].startsWith("env(");
          warnings.push({
            code: "outside-use",
            file,
            line: i + 1,
            message: prisma
              ? `${file}:${i + 1}: Prisma reads ${m.name} from the environment (env("${m.name}")), which moves from ${[...m.envFiles].sort().join(", ")} to Vault (${t.mount}/${t.path}#${t.key}): its CLI loads .env itself and its client reads process.env when it connects, and after the migration neither finds ${m.name}. Give the client the value from the secrets module (new PrismaClient({ datasourceUrl: secrets.${m.name} })), and run the CLI commands under \`vaultshift run\`, which puts it into their environment (\`vaultshift run -- npx prisma migrate deploy\`).`
              : `${file}:${i + 1}: sequelize-cli reads ${m.name} from the environment (use_env_variable), which moves from ${[...m.envFiles].sort().join(", ")} to Vault (${t.mount}/${t.path}#${t.key}); after the migration the CLI no longer finds it. Run those commands under \`vaultshift run\`, which puts it into their environment (\`vaultshift run -- npx sequelize-cli db:migrate\`); the app's own models read it through the secrets module.`,
          });
          continue;
        }
        const shown = /^(?:\{\{|get_env|env)/.test(ref[0]) ? (ref[0].startsWith("{{") ? ref[0].replace(/\s+/g, "") : shownCall(ref[0])) : ref[0].startsWith("process.env") ? `process.env.${m.name}` : ref[0].startsWith("$(") ? `$(${m.name})` : ref[0].startsWith("%") ? `%${m.name}%` : ref[0].startsWith("${env:") ? `\${env:${m.name}}` : ref[0].startsWith("${") ? `\${${m.name}}` : `$${m.name}`;
        warnings.push({
          code: "outside-use",
          file,
          line: i + 1,
          message: `${file}:${i + 1}: ${what(file)} reads ${m.name} (${shown}), which moves from ${[...m.envFiles].sort().join(", ")} to Vault (${t.mount}/${t.path}#${t.key}). vaultshift does not rewrite this file, and after the migration that .env file no longer provides ${m.name}: give it to this command from Vault (run the command under \`vaultshift run --\`, or \`${m.name}="$(vault kv get -field=${t.key} ${t.mount}/${t.path})"\`), or it runs without it.`,
        });
      }
      // direnv's `dotenv [FILE]` / `dotenv_if_exists FILE` (direnv-stdlib): the shell no longer gets the migrated variables from it.
      if (file === ".envrc" || file.endsWith("/.envrc")) {
        const load = /^\s*(dotenv|dotenv_if_exists)(?:\s+["']?([^"'\s#]+)["']?)?\s*(?:#.*)?$/.exec(line);
        if (!load || (load[1] === "dotenv_if_exists" && load[2] === undefined)) return;
        const { rel, names } = movedFrom(file, load[2] ?? ".env");
        if (names.length === 0) return;
        warnings.push({
          code: "outside-use",
          file,
          line: i + 1,
          message: `${file}:${i + 1}: direnv loads ${rel} into your shell (${load[1]}); after the migration it no longer holds ${names.join(", ")}. This app's code run from that shell reads them from Vault: export VAULT_ADDR and a token (or AppRole) there, in .envrc or your profile. Other commands run from it get nothing for them: run them under \`vaultshift run --\`, which puts them into their environment.`,
        });
        return;
      }
      const runnerLoad = taskRunnerEnvFiles(file, line);
      if (runnerLoad.length > 0) {
        for (const target of runnerLoad) {
          const { rel, names } = movedFrom(file, target);
          if (names.length === 0) continue;
          warnings.push({
            code: "outside-use",
            file,
            line: i + 1,
            message: `${file}:${i + 1}: ${what(file).replace(/ \(.*\)$/, "")} loads ${rel} into its tasks' environment; after the migration it no longer holds ${[...names].sort().join(", ")}. Code of this app run by a task reads them from Vault: give the tasks VAULT_ADDR and a token (or AppRole). The runner's own templates and other commands get nothing for them: give them the values from Vault (vault kv get), or start the runner under a command that puts them in its environment.`,
          });
        }
        return;
      }
      // `env_file: .env` or a list under `env_file:` (compose): the service no longer gets the migrated variables from it.
      if (!/compose/i.test(file)) return;
      const indent = /^\s*/.exec(line)![0].length;
      let target: string | undefined;
      const inline = /^\s*env_file\s*:\s*["']?([^"'\s#[]+)["']?\s*(?:#.*)?$/.exec(line);
      if (/^\s*env_file\s*:\s*(?:#.*)?$/.test(line)) envFileIndent = indent;
      else if (inline) target = inline[1];
      else if (envFileIndent >= 0) {
        const item = indent > envFileIndent ? /^\s*-\s*(?:path\s*:\s*)?["']?([^"'\s#]+)["']?/.exec(line) : null;
        if (item) target = item[1];
        else if (!/^\s*(?:required|format)\s*:/.test(line)) envFileIndent = -1;
      }
      if (target === undefined) return;
      const { rel, names } = movedFrom(file, target);
      if (names.length === 0) return;
      warnings.push({
        code: "outside-use",
        file,
        line: i + 1,
        message: `${file}:${i + 1}: docker compose passes ${rel} to a container (env_file); after the migration it no longer holds ${names.join(", ")}. If the container runs this app, give it VAULT_ADDR and a token instead; otherwise pass those variables from Vault (\`vaultshift run -- docker compose up\`, with the names listed under the service's \`environment:\`).`,
      });
    });
  }
  return warnings;
}

/**
 * The dotenv file `just` loads for a command line run in `dir`: the one its
 * `--dotenv-filename` / `--dotenv-path` flag names, else the one its justfile's
 * settings name (taskRunnerEnvFiles); none when the justfile loads none.
 */
function justLoads(root: string, dir: string, command: string): string[] {
  const flag = /(?:^|\s)--dotenv-(?:filename|path)(?:=|\s+)["']?([^"'\s]+)/.exec(command);
  if (flag) return [flag[1]!.replace(/^\.\//, "")];
  for (const name of ["justfile", "Justfile", ".justfile"]) {
    let text: string;
    try {
      text = readFileSync(join(root, dir, name), "utf8");
    } catch {
      continue;
    }
    const files = text.split(/\r?\n/).flatMap((l) => taskRunnerEnvFiles(name, l));
    // `set dotenv-filename` / `dotenv-path` name the file `set dotenv-load` would otherwise find as .env.
    return files.filter((f) => f !== ".env" || files.length === 1).map((f) => f.replace(/^\.\//, ""));
  }
  return [];
}

/**
 * The .env files a task runner's configuration line loads into its tasks' environment: mise's
 * `_.file = ".env"` / `_.file = [".env", ".env.local"]` / `_.file = { path = ".env" }` in [env],
 * Task's `dotenv: [".env"]`, just's `set dotenv-load` (.env), `set dotenv-filename := "f"`,
 * `set dotenv-path := "f"`.
 */
export function taskRunnerEnvFiles(file: string, line: string): string[] {
  const quoted = (text: string) => [...text.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!);
  if (MISE.test(file)) {
    const m = /^\s*_\.file\s*=\s*(.+)$/.exec(line) ?? /^\s*file\s*=\s*(.+)$/.exec(line);
    return m ? quoted(m[1]!.replace(/\s+#.*$/, "")) : [];
  }
  if (TASKFILE.test(file)) {
    const m = /^\s*dotenv\s*:\s*\[(.*)\]/.exec(line);
    return m ? quoted(m[1]!) : [];
  }
  if (JUSTFILE.test(file)) {
    if (/^\s*set\s+dotenv-load\s*(?::=\s*true\s*)?(?:#.*)?$/.test(line)) return [".env"];
    const m = /^\s*set\s+dotenv-(?:filename|path)\s*:=\s*(["'][^"']+["'])/.exec(line);
    return m ? quoted(m[1]!) : [];
  }
  return [];
}

/**
 * An npm script that loads a .env file into its command's environment itself:
 * dotenv-cli (`dotenv -e .env.production -- node x`), env-cmd (`env-cmd -f .env
 * node x`, `.env` when no file is named). That file wins whatever NODE_ENV says,
 * so a script of the app run that way read that file's environment; after the
 * migration it reads the secrets of the environment NODE_ENV/VAULTSHIFT_ENV names.
 */
function scriptEnvFileLoad(file: string, line: number, text: string, moved: ReadonlyMap<string, Moved>, pkgText: string, configuredLoads: (program: string, command: string) => string[]): { warning: PlanWarning; script?: ScriptEnvironment } | null {
  const script = /^\s*"([^"]+)"\s*:\s*"(.*)"\s*,?\s*$/.exec(text);
  if (!script) return null;
  const [, name, command] = script;
  const loaded: { file: string; tool: string }[] = [];
  const dotenvCli = /(?:^|[\s;&|])dotenv\s+((?:-[a-zA-Z]+(?:\s+[^\s-][^\s]*)?\s+)*)/.exec(command!);
  // dotenv-cli loads .env when no -e names a file (`dotenv -- cypress run`, its README's first example).
  const dotenvFiles = dotenvCli ? [...dotenvCli[1]!.matchAll(/-e\s+(\S+)/g)].map((m) => m[1]!) : [];
  if (dotenvCli) for (const f of dotenvFiles.length > 0 ? dotenvFiles : [".env"]) loaded.push({ file: f, tool: "dotenv-cli" });
  const envCmd = /(?:^|[\s;&|])env-cmd\s+(?:(?:-f|--file)\s+(\S+)|(?:-e|--environments)\s)?/.exec(command!);
  if (envCmd?.[1] !== undefined) loaded.push({ file: envCmd[1], tool: "env-cmd" });
  // A program preloading dotenv itself (`graphql-codegen -r dotenv/config`): not this app's code.
  const preloaded = dotenvCli || envCmd ? [] : dotenvPreloads(command!).filter((p) => !NODE_RUNNERS.test(p.program));
  if (preloaded.length === 1) loaded.push({ file: preloaded[0]!.file, tool: "-r dotenv/config" });
  // A program that loads .env itself (the Prisma CLI), with no loader of the script's own.
  const selfLoading = loaded.length === 0 ? selfLoadingPrograms(command!) : [];
  const inDir = (f: string) => `${file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : ""}${f}`;
  if (selfLoading.length === 1) {
    const { program, files } = selfLoading[0]!;
    for (const f of files.length > 0 ? files : configuredLoads(program, command!)) if ([...moved.values()].some((m) => m.envFiles.has(inDir(f)))) loaded.push({ file: f, tool: `read by ${program} itself` });
  }
  // A shell command's `$X` is said by outsideUses' reference warnings.
  if (loaded.length === 0 || [...moved.values()].some((m) => m.reference.test(command!))) return null;
  const loader = dotenvCli ?? envCmd;
  const program = loader ? commandProgram(command!.slice(loader.index + loader[0].length)) : (preloaded[0] ?? selfLoading[0])!.program;
  const runsNode = loader ? /(?:^|[\s;&|])(?:node|nodemon|tsx|ts-node)\s/.test(command!) : false;
  // A package manager runs further scripts (said where they are) and expands .npmrc (said there).
  if (!runsNode && /^(?:npm|npx|pnpm|yarn|bun)$/.test(program)) return null;
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  const names: string[] = [];
  const environments = new Set<string>();
  for (const l of loaded) {
    const rel = `${dir}${l.file.replace(/^["']|["']$/g, "").replace(/^\.\//, "")}`;
    for (const m of moved.values()) {
      if (!m.envFiles.has(rel)) continue;
      names.push(m.name);
      const environment = m.environments.get(rel);
      if (environment !== undefined) environments.add(environment);
    }
  }
  if (names.length === 0) return null;
  const loadedText = loaded.map((l) => `${l.file} (${l.tool})`).join(", ");
  const listed = [...new Set(names)].sort();
  const env = environments.size === 1 ? [...environments][0]! : null;
  const decoded = scriptCommand(pkgText, name!);
  // Another program (the Cypress binary, the pulumi CLI, a deploy tool): it read the moved
  // variables from what the loader gave it, and nothing of this app's code can give them now.
  // `vaultshift run` can: apply runs the script under it, for the environment of the loaded file.
  if (!runsNode) {
    const head = `${file}:${line}: the npm script "${name}" loads ${loadedText} into the environment of \`${program}\`, a program vaultshift does not rewrite (not this app's JavaScript or TypeScript); after the migration that file no longer holds ${listed.join(", ")}`;
    // The shared base layer is no environment of its own to select; a program loading .env itself
    // reads it under every NODE_ENV, so it runs under the environment the app's own code reads.
    const concrete = env !== null && (env !== BASE_LAYER_ENVIRONMENT || selfLoading.length === 1) ? env : null;
    const wrapped = concrete !== null && decoded !== null ? withVaultshiftRun(decoded, concrete) : null;
    if (wrapped !== null && replaceScript(pkgText, name!, decoded!, wrapped) !== null) {
      return {
        warning: {
          code: "outside-use",
          file,
          line,
          message: `${head}. Apply runs the script under \`vaultshift run\` (\`${wrapped}\`), which gives \`${program}\` ${concrete}'s values from Vault in its environment, as the file gave them; whoever runs it needs VAULT_ADDR and a token that may read them (the app's policy), as the app does, and vaultshift.plan.json, where \`vaultshift run\` finds them (keep it committed).`,
        },
        script: { file, script: name!, environment: concrete!, wrap: true },
      };
    }
    const example = `vaultshift run ${concrete !== null ? `--env ${concrete} ` : ""}-- npm run ${name}`;
    return {
      warning: {
        code: "outside-use",
        file,
        line,
        message: `${head}, so if \`${program}\` reads any of them from its environment, it runs without them. Run it under \`vaultshift run\`, which puts the values from Vault into its environment (\`${example}\`, or the same prefix in the script itself).`,
      },
    };
  }
  // The shared base layer is no environment of its own to select.
  const edited = env !== null && env !== BASE_LAYER_ENVIRONMENT && decoded !== null ? withScriptEnvironment(decoded, env, hasCrossEnv(pkgText)) : null;
  const done = edited !== null && replaceScript(pkgText, name!, decoded!, edited) !== null;
  const head = `${file}:${line}: the npm script "${name}" loads ${loadedText} into its command's environment whatever NODE_ENV says; after the migration that file no longer holds ${listed.join(", ")}. `;
  const tail = `. A tool that is not this app's code gets nothing for them from the secrets module: run it under \`vaultshift run --\`, which puts them into its environment.`;
  if (done) {
    return {
      warning: {
        code: "outside-use",
        file,
        line,
        message: `${head}Code of this app run by it reads them from Vault for the environment VAULTSHIFT_ENV names, so apply sets it to that file's environment in the script (\`${edited}\`): it reads ${env}'s values, as it read that file's before${tail}`,
      },
      script: { file, script: name!, environment: env! },
    };
  }
  return {
    warning: {
      code: "outside-use",
      file,
      line,
      message:
        head +
        `Code of this app run by it reads them from Vault for the environment VAULTSHIFT_ENV or NODE_ENV names, which may not be that file's` +
        (env !== null ? ` (${env}): set VAULTSHIFT_ENV=${env} for that command${loaded.some((l) => l.tool === "dotenv-cli") ? ` (dotenv-cli: \`-v VAULTSHIFT_ENV=${env}\`)` : loaded.some((l) => l.tool === "env-cmd") ? ` (add cross-env to devDependencies and start the script with \`cross-env VAULTSHIFT_ENV=${env} \`, then plan again: apply sets it then)` : ""}` : "") +
        tail,
    },
  };
}

/** The program a loader's command line starts: its first word after the loader's options and `--` (`cypress` of `-- cypress run`). */
function commandProgram(rest: string): string {
  const words = rest.trim().split(/\s+/);
  let i = 0;
  while (i < words.length && words[i]!.startsWith("-")) i++;
  return (words[i] ?? "").replace(/^["']|["']$/g, "") || "the command";
}

/** A Cloudflare Worker project: its code reads `env.X` bindings, which the secrets module cannot serve. */
export function workerBindings(root: string, exclude: string[] = []): PlanWarning[] {
  const configs = fg.sync(["**/wrangler.{toml,json,jsonc}"], { cwd: root, dot: false, onlyFiles: true, ignore: [...SKIP_DIRS.map((d) => `**/${d}/**`), ...exclude] }).sort();
  return configs.map((file) => ({
    code: "worker-bindings",
    file,
    message: `${file}: a Cloudflare Worker reads its settings as \`env\` bindings (wrangler [vars], .dev.vars locally, \`wrangler secret put\` in production), not from process.env; vaultshift does not rewrite \`env.X\` reads, and a Worker cannot load vaultshift/runtime's Node client. Its secrets stay where they are: keep .dev.vars out of git, and set production values with \`wrangler secret put\` (a CI step can read them from Vault).`,
  }));
}

/**
 * Source files that load one environment's file by a fixed name (`dotenv.config({ path:
 * ".env.test" })` in a CI script), whatever NODE_ENV says: that process read those values in
 * every environment. After the migration its code reads them from Vault for the environment
 * VAULTSHIFT_ENV or NODE_ENV names, so only there does it get the same values. A load whose
 * line names NODE_ENV (a choice by mode) and a test setup file loading the test file (Jest and
 * Vitest set NODE_ENV=test) read what they read before.
 */
export function pinnedEnvLoads(root: string, secrets: PlannedSecret[], sourceFiles: string[]): PlanWarning[] {
  const byFile = new Map<string, { env: string; names: Set<string> }>();
  // A plain .env that is development's file (not a base layer): the names another environment's
  // file of its directory also sets, and those environments.
  const plainDev = new Map<string, { names: Set<string>; others: Set<string> }>();
  const bySource = new Map<string, PlannedSecret[]>();
  for (const s of secrets) if (s.source.type === "dotenv") bySource.set(s.name, [...(bySource.get(s.name) ?? []), s]);
  for (const [name, list] of bySource) {
    for (const s of list) {
      if ((s.source.file.split("/").pop() ?? s.source.file) !== ".env" || s.environment !== "development") continue;
      const dir = s.source.file.slice(0, s.source.file.length - ".env".length);
      const others = list.filter((o) => o !== s && o.source.file.startsWith(dir) && !o.source.file.slice(dir.length).includes("/") && o.environment !== "development" && o.environment !== BASE_LAYER_ENVIRONMENT);
      if (others.length === 0) continue;
      const entry = plainDev.get(s.source.file) ?? { names: new Set<string>(), others: new Set<string>() };
      entry.names.add(name);
      for (const o of others) entry.others.add(o.environment);
      plainDev.set(s.source.file, entry);
    }
  }
  for (const s of secrets) {
    if (s.source.type !== "dotenv") continue;
    for (const src of [s.source, ...s.duplicates]) {
      const env = environmentOf(src.file);
      const base = src.file.split("/").pop() ?? src.file;
      if (!/^\.env\.[^.]+/i.test(base) || base.toLowerCase() === ".env.local" || env === "development") continue;
      const entry = byFile.get(src.file) ?? { env, names: new Set<string>() };
      entry.names.add(s.name);
      byFile.set(src.file, entry);
    }
  }
  if (byFile.size === 0 && plainDev.size === 0) return [];
  const warnings: PlanWarning[] = [];
  for (const file of sourceFiles) {
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    if (!text.includes("dotenv")) continue;
    const loads = dotenvLoads(text);
    // Only the plain .env, and no per-mode file (`.env.${mode}`): development's file in every mode.
    if (plainDev.size > 0 && loads.length > 0 && loads.every((l) => (l.written.split("/").pop() ?? l.written) === ".env") && !/\.env\.(?:\$\{|["'`]\s*\+)/.test(text)) {
      const dir = dirOf(file);
      // A bare .env is the working directory's: that of the file, or a directory enclosing it.
      const envFile = [...plainDev.keys()].filter((f) => loads.some((l) => l.written.includes("/") ? f === l.written || f.endsWith(`/${l.written}`) : dir === dirOf(f) || dir.startsWith(dirOf(f) === "" ? "" : `${dirOf(f)}/`))).sort((a, b) => b.length - a.length)[0];
      const at = text.search(/\bconfig\s*\(|["']dotenv\/config["']/);
      const lineStart = text.lastIndexOf("\n", at) + 1;
      const lineText = text.slice(lineStart, text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at));
      if (envFile !== undefined && at >= 0 && !/NODE_ENV|\bmode\b/.test(lineText) && !/(?:^|\/)(?:tests?|__tests__|spec)\//i.test(file)) {
        const { names, others } = plainDev.get(envFile)!;
        const line = text.slice(0, at).split("\n").length;
        const listed = [...names].sort().join(", ");
        const elsewhere = [...others].sort().join(", ");
        warnings.push({
          code: "env-file-pinned",
          file,
          line,
          message: `${file}:${line}: loads ${envFile}, development's file, whatever NODE_ENV says (no .env.<mode> beside it), so under ${elsewhere} this process read development's ${listed} from it, where ${[...others].length === 1 ? "that environment's own file holds" : "those environments' own files hold"} other values. After the migration its code reads them for the environment VAULTSHIFT_ENV or NODE_ENV names: under ${elsewhere} it now gets ${elsewhere}'s values. If it should keep development's, run it with VAULTSHIFT_ENV=development (set before the secrets module loads).`,
        });
      }
    }
    for (const load of loads) {
      const base = load.written.split("/").pop() ?? load.written;
      const envFile = [...byFile.keys()].find((f) => f === load.written || f.endsWith(`/${load.written}`) || (f.split("/").pop() ?? f) === base);
      if (envFile === undefined) continue;
      const { env, names } = byFile.get(envFile)!;
      const at = text.indexOf(base);
      const lineStart = text.lastIndexOf("\n", at) + 1;
      const lineText = text.slice(lineStart, text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at));
      if (/NODE_ENV|\bmode\b|\benv\b\s*[=!]==?/.test(lineText)) continue;
      if (env === "test" && /(?:^|\/)(?:tests?|__tests__|spec)\/|(?:^|\/)[^/]*(?:setup|jest|vitest)[^/]*$/i.test(file)) continue;
      const line = text.slice(0, at).split("\n").length;
      const listed = [...names].sort().join(", ");
      warnings.push({
        code: "env-file-pinned",
        file,
        line,
        message: `${file}:${line}: loads ${envFile} whatever NODE_ENV says, so this process read ${listed} from it in every environment. Those move to Vault for ${env} only, and after the migration code of this process reads them for the environment VAULTSHIFT_ENV or NODE_ENV names: elsewhere it gets that environment's values or none. Run it with VAULTSHIFT_ENV=${env} (set before the secrets module loads), or load ${envFile} only when NODE_ENV is ${env}.`,
      });
    }
  }
  return warnings;
}
