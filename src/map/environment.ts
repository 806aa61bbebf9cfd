// Which deployment environment a .env file describes, from its name alone.
// Conventions: dotenv-flow / Next.js / Vite load `.env`, `.env.local`,
// `.env.<mode>`, `.env.<mode>.local`; Docker Compose and many teams use
// `<name>.env`. `.env` itself is what a developer runs locally.

const ALIASES: Record<string, string> = {
  dev: "development",
  develop: "development",
  development: "development",
  local: "development",
  prod: "production",
  production: "production",
  live: "production",
  stage: "staging",
  stg: "staging",
  staging: "staging",
  test: "test",
  testing: "test",
  ci: "test",
  qa: "qa",
  uat: "uat",
  preview: "preview",
};

/** Files that document variables rather than hold them: never a source of secrets. */
const TEMPLATE_WORDS = new Set(["example", "examples", "sample", "samples", "template", "tmpl", "dist", "defaults", "schema", "tpl"]);

/** True for names such as `.env.example`, `.env.sample`, `example.env`, `.env.production.template`. */
export function isEnvTemplate(file: string): boolean {
  const base = file.split("/").pop() ?? file;
  return base
    .toLowerCase()
    .split(".")
    .some((part) => TEMPLATE_WORDS.has(part));
}

/** True for any dotenv-style file name: `.env`, `.env.*`, `*.env` (not `.envrc`, a shell script). */
export function isEnvFile(file: string): boolean {
  const base = (file.split("/").pop() ?? file).toLowerCase();
  return base === ".env" || base.startsWith(".env.") || (base.endsWith(".env") && base.length > 4);
}

/**
 * `.env` → development, `.env.production` → production, `.env.staging.local`
 * → staging, `prod.env` → production; an unknown word is used as it is,
 * lower-cased and reduced to `[a-z0-9-]`.
 */
export function environmentOf(file: string): string {
  const base = (file.split("/").pop() ?? file).toLowerCase();
  let words: string[];
  if (base === ".env") return "development";
  if (base.startsWith(".env.")) words = base.slice(5).split(".");
  else words = base.slice(0, -4).split(".");
  words = words.filter((w) => w !== "" && w !== "env");
  // `.env.local` alone is the developer's own override; `.env.production.local` is production's.
  const meaningful = words.filter((w) => w !== "local");
  const word = meaningful[0] ?? (words.includes("local") ? "local" : "development");
  const normal = ALIASES[word] ?? word;
  return normal.replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "development";
}

/**
 * Loaders that layer .env files (each file only adds what the more specific
 * ones did not set): `.env` holds defaults for every environment, then
 * `.env.<mode>`, `.env.local`, `.env.<mode>.local` override it. Next.js
 * (nextjs.org/docs/app/guides/environment-variables), Vite
 * (vite.dev/guide/env-and-mode), Create React App, Nuxt and dotenv-flow all
 * load them this way.
 */
export const LAYERING_PACKAGES = ["next", "vite", "react-scripts", "nuxt", "dotenv-flow", "@nuxt/kit", "astro"];

/**
 * The directories (relative, "" for the root, no trailing slash) whose `.env`
 * is the base layer of every environment rather than the development file:
 * those that also have a `.env.development`/`.env.dev` (`.env` cannot be the
 * development file then), and every directory when the project depends on a
 * layering loader.
 */
export function layeredEnvDirs(envFiles: string[], dependencies: string[]): Set<string> {
  const dirOf = (f: string) => (f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "");
  const baseOf = (f: string) => (f.split("/").pop() ?? f).toLowerCase();
  const dirs = new Set(envFiles.filter((f) => baseOf(f) === ".env").map(dirOf));
  if (dependencies.some((d) => LAYERING_PACKAGES.includes(d))) return dirs;
  const out = new Set<string>();
  for (const f of envFiles) {
    if (!/^\.env\.(development|dev)(\.local)?$/.test(baseOf(f))) continue;
    if (dirs.has(dirOf(f))) out.add(dirOf(f));
  }
  return out;
}

/** The environment of a base `.env` in a layered directory: its values apply to every environment that does not override them. */
export const BASE_LAYER_ENVIRONMENT = "shared";
