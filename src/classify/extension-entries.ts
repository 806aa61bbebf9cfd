import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { dirOf } from "../map/environment.js";
import { htmlEntries } from "./browser-files.js";
import type { ConfiguredEntry } from "./angular-entries.js";

// A browser extension (Chrome's Manifest V3, Firefox's WebExtensions, V2 too)
// names its code in manifest.json: the background service worker or scripts,
// content scripts, and the pages (popup, options, side panel) whose <script
// src> load more. All of it runs in the browser, and the store package ships
// it to every user: a secret there is public, and the Vault client cannot run
// there (https://developer.chrome.com/docs/extensions/reference/manifest).

type Manifest = {
  manifest_version?: unknown;
  background?: { service_worker?: unknown; scripts?: unknown; page?: unknown };
  content_scripts?: unknown;
  action?: { default_popup?: unknown };
  browser_action?: { default_popup?: unknown };
  page_action?: { default_popup?: unknown };
  options_page?: unknown;
  options_ui?: { page?: unknown };
  side_panel?: { default_path?: unknown };
  devtools_page?: unknown;
};

const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The scripts every extension manifest.json of the project names, directly or through its pages, as project paths. */
export function extensionEntries(root: string, ignore: string[] = []): ConfiguredEntry[] {
  const out: ConfiguredEntry[] = [];
  for (const file of fg.sync(["**/manifest.json"], { cwd: root, onlyFiles: true, ignore: ["**/node_modules/**", "**/dist/**", "**/build/**", ...ignore] }).sort()) {
    let m: Manifest;
    try {
      m = JSON.parse(readFileSync(join(root, file), "utf8")) as Manifest;
    } catch {
      continue;
    }
    if (typeof m.manifest_version !== "number") continue;
    const dir = dirOf(file);
    const at = (p: string) => (dir === "" ? p : `${dir}/${p}`).replace(/^\.\//, "").replace(/\/\.\//g, "/");
    const why = `a browser extension's code (${file}): the browser runs it and the extension's package ships it to every user`;
    const scripts = [...strings(m.background?.service_worker), ...strings(m.background?.scripts)];
    if (Array.isArray(m.content_scripts)) for (const c of m.content_scripts) scripts.push(...strings((c as { js?: unknown }).js));
    for (const s of scripts) out.push({ file: at(s.replace(/^\//, "")), why });
    const pages = [m.background?.page, m.action?.default_popup, m.browser_action?.default_popup, m.page_action?.default_popup, m.options_page, m.options_ui?.page, m.side_panel?.default_path, m.devtools_page].flatMap(strings);
    for (const page of pages) {
      const html = at(page.replace(/^\//, ""));
      try {
        for (const s of htmlEntries(html, readFileSync(join(root, html), "utf8"))) out.push({ file: s, why });
      } catch {
        continue;
      }
    }
  }
  return out;
}
