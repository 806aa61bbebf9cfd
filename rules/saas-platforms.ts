import type { Rule } from "../src/scan/types.js";
import { custom, prefixed } from "./build.js";
import { ALNUM, B64URL, HEX, LOWER, LOWER_ALNUM, fake, uuid } from "./fake.js";

// The services a small product team ships on (blind corpus 22): billing, background jobs, backends and
// storage whose tokens carry their own prefix or shape, so they are found without a name beside them.

const b64 = (s: string): string => Buffer.from(s).toString("base64");
// Random keys of 20 or more characters hold upper case, lower case and a digit; `sk_dev_register_handler_…`, a
// C or Rust name under the same prefix, does not.
const mixedRandom = (s: string): boolean => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s);

export const rules: Rule[] = [
  // Polar (billing for developers): organization and personal access tokens `polar_oat_`/`polar_pat_`, webhook
  // secrets `polar_whs_` (https://docs.polar.sh/integrate/oat, https://docs.polar.sh/integrate/webhooks/endpoints).
  prefixed({ id: "polar-access-token", description: "Polar organization or personal access token (polar_oat_… / polar_pat_…)", kind: "token", severity: "high", docs: "https://docs.polar.sh/integrate/oat", prefix: "polar_", body: "(?:oat|pat)_[A-Za-z0-9]{38,50}", keywords: ["polar_oat_", "polar_pat_"], entropy: 3.8, fixedLength: false, get sample() { return "polar_oat_" + fake(ALNUM, 43, "polar"); }, env: "POLAR_ACCESS_TOKEN" }),
  prefixed({ id: "polar-webhook-secret", description: "Polar webhook signing secret (polar_whs_…)", kind: "api-key", severity: "high", docs: "https://docs.polar.sh/integrate/webhooks/endpoints", prefix: "polar_whs_", body: "[A-Za-z0-9]{38,50}", entropy: 3.8, fixedLength: false, get sample() { return "polar_whs_" + fake(ALNUM, 43, "polar-whs"); }, env: "POLAR_WEBHOOK_SECRET" }),
  // Convex deploy keys: `prod:<deployment>|…`, `dev:<deployment>|…`, `preview:<team>:<project>|…`, `project:…|…`, the
  // part after `|` base64 of `{"v2":"…"}` (https://docs.convex.dev/cli/deploy-key-types). CONVEX_DEPLOY_KEY pushes code.
  prefixed({ id: "convex-deploy-key", description: "Convex deploy key (prod:<deployment>|eyJ2MiI6…)", kind: "api-key", severity: "high", docs: "https://docs.convex.dev/cli/deploy-key-types", prefix: "", body: "(?:prod|dev|preview|project):[A-Za-z0-9_:-]{3,100}\\|eyJ2MiI6I[A-Za-z0-9+/]{20,200}={0,2}", boundary: "A-Za-z0-9_+/=-", keywords: ["|eyj2mii6i"], fixedLength: false, get sample() { return "prod:happy-otter-123|" + b64(JSON.stringify({ v2: fake(HEX, 32, "convex") })); }, env: "CONVEX_DEPLOY_KEY" }),
  // Trigger.dev: environment secret keys `tr_dev_`/`tr_stg_`/`tr_prod_` + 20, personal access tokens `tr_pat_` + 20-40 (Kingfisher: 20)
  // (https://trigger.dev/docs/apikeys, https://trigger.dev/docs/github-actions).
  prefixed({ id: "trigger-dev-secret-key", description: "Trigger.dev environment secret key (tr_dev_… / tr_prod_…)", kind: "api-key", severity: "high", docs: "https://trigger.dev/docs/apikeys", prefix: "tr_", body: "(?:dev|stg|prod|preview)_[A-Za-z0-9]{20}", keywords: ["tr_dev_", "tr_stg_", "tr_prod_", "tr_preview_"], entropy: 3.5, validate: (k) => mixedRandom(k.slice(k.indexOf("_", 3) + 1)), get sample() { return "tr_prod_" + fake(ALNUM, 20, "trigger"); }, env: "TRIGGER_SECRET_KEY" }),
  prefixed({ id: "trigger-dev-personal-token", description: "Trigger.dev personal access token (tr_pat_…)", kind: "token", severity: "high", docs: "https://trigger.dev/docs/github-actions", prefix: "tr_pat_", body: "[A-Za-z0-9]{20,40}", entropy: 3.5, fixedLength: false, validate: (k) => mixedRandom(k.slice(7)), get sample() { return "tr_pat_" + fake(ALNUM, 40, "trigger-pat"); }, env: "TRIGGER_ACCESS_TOKEN" }),
  // Liveblocks secret keys `sk_prod_`/`sk_dev_` (the `pk_` public keys go to browsers): https://liveblocks.io/docs/authentication.
  prefixed({ id: "liveblocks-secret-key", description: "Liveblocks secret key (sk_prod_… / sk_dev_…)", kind: "api-key", severity: "high", docs: "https://liveblocks.io/docs/authentication", prefix: "sk_", body: "(?:prod|dev)_[A-Za-z0-9_-]{40,100}", keywords: ["sk_prod_", "sk_dev_"], entropy: 3.8, fixedLength: false, validate: (k) => mixedRandom(k.slice(k.indexOf("_", 3) + 1)), get sample() { return "sk_prod_" + fake(B64URL, 64, "liveblocks"); }, env: "LIVEBLOCKS_SECRET_KEY", get valid() { return [`NEXT_PUBLIC_LIVEBLOCKS_PUBLIC_KEY=pk_prod_${fake(B64URL, 64, "liveblocks-pk")}`, "static int sk_dev_queue_xmit_nit_handler_for_offloaded_frames(void);"]; } }),
  // Vercel Blob read-write tokens: `vercel_blob_rw_<store id>_<secret>` (https://vercel.com/docs/vercel-blob/using-blob-sdk).
  prefixed({ id: "vercel-blob-token", description: "Vercel Blob read-write token (vercel_blob_rw_…)", kind: "token", severity: "high", docs: "https://vercel.com/docs/vercel-blob/using-blob-sdk", prefix: "vercel_blob_rw_", body: "[A-Za-z0-9]{16}_[A-Za-z0-9]{30}", entropy: 3.8, get sample() { return "vercel_blob_rw_" + fake(ALNUM, 16, "blob") + "_" + fake(ALNUM, 30, "blob2"); }, env: "BLOB_READ_WRITE_TOKEN" }),
  // Uploadthing v7 `UPLOADTHING_TOKEN`: base64 of `{"apiKey":"sk_live_…","appId":…}`, which holds the app's secret key
  // (https://docs.uploadthing.com/getting-started/appdir#add-env-variables).
  prefixed({ id: "uploadthing-token", description: "Uploadthing token (base64 JSON holding the sk_ api key)", kind: "api-key", severity: "high", docs: "https://docs.uploadthing.com/getting-started/appdir", prefix: "eyJhcGlLZXkiOiJza19", body: "[A-Za-z0-9+/]{40,600}={0,2}", boundary: "A-Za-z0-9+/=", fixedLength: false, get sample() { return b64(JSON.stringify({ apiKey: "sk_live_" + fake(HEX, 64, "uploadthing"), appId: fake(LOWER_ALNUM, 10, "ut"), regions: ["sea1"] })); }, env: "UPLOADTHING_TOKEN" }),
  // Vercel Edge Config connection strings carry a read token: `https://edge-config.vercel.com/ecfg_…?token=<uuid>`
  // (https://vercel.com/docs/edge-config/using-edge-config#using-a-connection-string).
  custom({
    id: "vercel-edge-config-token",
    description: "Vercel Edge Config read token in a connection string (edge-config.vercel.com/ecfg_…?token=…)",
    kind: "token",
    severity: "medium",
    docs: "https://vercel.com/docs/edge-config/using-edge-config",
    keywords: ["edge-config.vercel.com/ecfg_"],
    pattern: /edge-config\.vercel\.com\/ecfg_[a-z0-9]{20,40}\?token=(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/,
    entropy: 3,
    get examples() {
      const store = "ecfg_" + fake(LOWER_ALNUM, 28, "ecfg");
      return {
        invalid: [`EDGE_CONFIG="https://edge-config.vercel.com/${store}?token=${uuid("edge-config")}"`],
        valid: [`EDGE_CONFIG="https://edge-config.vercel.com/${store}?token=\${EDGE_CONFIG_TOKEN}"`, `EDGE_CONFIG_ID=${store}`],
      };
    },
  }),
  // Expo CLI's `~/.expo/state.json` keeps the logged-in session as `"sessionSecret": "{\"id\":\"<uuid>\",…}"`
  // (a JSON string inside the string): whoever holds it acts as the account (expo/expo, packages/@expo/cli UserSettings).
  custom({
    id: "expo-session-secret",
    description: "Expo CLI session secret (sessionSecret in ~/.expo/state.json)",
    kind: "token",
    severity: "high",
    docs: "https://docs.expo.dev/more/expo-cli/#authentication",
    keywords: ["sessionsecret"],
    pattern: /"sessionSecret"[ \t]*:[ \t]*"(?<secret>\{\\"id\\":\\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\"(?:[^"\\\n]|\\.){0,300})"/,
    entropy: 3,
    get examples() {
      const id = uuid("expo-session");
      return {
        invalid: [`{ "auth": { "sessionSecret": "{\\"id\\":\\"${id}\\",\\"version\\":1,\\"expires_at\\":2016663040000}", "username": "${fake(LOWER, 8, "expo-user")}" } }`],
        valid: [`{ "auth": { "sessionSecret": null } }`, `const sessionSecret = getSessionSecret();`],
      };
    },
  }),
];
