// Build configuration blocks whose values the bundler writes into client code,
// so a secret found there ships to every browser or app install whatever its
// name (the `browser-exposed` kind, like a NEXT_PUBLIC_ variable):
// - Next.js `env` in next.config.js: "the values are inlined into the JavaScript bundle"
//   (https://nextjs.org/docs/app/api-reference/config/next-config-js/env);
// - Vite `define`: replaced as-is in the client code (https://vite.dev/config/shared-options.html#define);
// - webpack `DefinePlugin` (https://webpack.js.org/plugins/define-plugin/);
// - Expo `extra` in app.json / app.config.js, readable by the app through expo-constants
//   (https://docs.expo.dev/guides/environment-variables/#using-app-config);
// - Nuxt `runtimeConfig.public`, serialised into every page (https://nuxt.com/docs/guide/going-further/runtime-config).

const CONFIG_FILE = /(?:^|\/)(?:(next|vite|nuxt)\.config\.[cm]?[jt]s|(app)\.(?:json|config\.[cm]?[jt]s)|(webpack)[\w.-]*\.config\.[cm]?[jt]s)$/;
const DEFINE_PLUGIN = /DefinePlugin\s*\(\s*$/;
const LOOKBACK = 20_000;

/** The block of a build config that inlines `start` into client code, in words, or null. */
export function inlinedIntoClient(file: string, text: string, start: number): string | null {
  const m = CONFIG_FILE.exec(file);
  if (!m) return null;
  const tool = m[1] ?? m[2] ?? m[3]!;
  const keys = enclosingKeys(text, start);
  if (tool === "next" && keys[0] === "env") return "next.config env, inlined into the client bundle";
  if (tool === "vite" && keys[0] === "define") return "Vite define, replaced into the client code";
  if (tool === "nuxt" && keys[0] === "public" && keys[1] === "runtimeConfig") return "Nuxt runtimeConfig.public, sent to every page";
  if (tool === "app" && keys.includes("extra")) return "Expo extra, compiled into the app";
  if (keys.includes("DefinePlugin(")) return "webpack DefinePlugin, replaced into the client code";
  return null;
}

/** Keys of the object literals around `start`, innermost first (`DefinePlugin(` for that call's argument). */
function enclosingKeys(text: string, start: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  const stop = Math.max(0, start - LOOKBACK);
  for (let i = start - 1; i >= stop && keys.length < 8; i--) {
    const c = text.charCodeAt(i);
    if (c === 125 /* } */) depth++;
    else if (c === 123 /* { */) {
      if (depth > 0) {
        depth--;
        continue;
      }
      const before = text.slice(Math.max(0, i - 80), i);
      const key = /["']?([A-Za-z_$][\w$]*)["']?\s*[:=]\s*$/.exec(before);
      keys.push(key ? key[1]! : DEFINE_PLUGIN.test(before) ? "DefinePlugin(" : "");
    }
  }
  return keys;
}
