import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The twenty-second blind corpus (fixtures/corpus-blind22): the 2024–2026 indie SaaS and full-stack platform estate.
// Next.js, Remix, SvelteKit, Astro and Hono apps with Vercel (vercel.json, .vercel/project.json, env pulls, OIDC,
// blob, edge config), Netlify (netlify.toml, .netlify/state.json, functions), Fly (fly.toml, macaroons), Railway,
// Render (render.yaml, deploy hooks) and Cloudflare (wrangler.toml/jsonc, .dev.vars) config; Supabase (anon vs
// service_role JWTs, sb_secret/sb_publishable, config.toml, edge functions, seed), Neon, Turso, PlanetScale,
// Upstash (Redis, QStash, Vector), Convex; Clerk, Better Auth, Auth.js, Lucia; Stripe, Paddle, Lemon Squeezy, Polar;
// Resend, Inngest, Trigger.dev, Modal; Sanity, Contentful, Algolia, Pusher, Ably, LiveKit, Mux, Uploadthing;
// PostHog and Sentry; Drizzle and Prisma; Expo EAS; GitHub Actions; Docker compose; MCP and CLI config files;
// dotenvx and SOPS. Labels come from markers in the generator's template (_meta/templates.txt, read by
// _meta/gen.py; _meta/README.md gives the reasons for borderline labels; none is scanned), written by an engineer
// who had not read the detectors and committed before the first scan. Figures: docs/detection.md "Session 22, blind22".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind22/", import.meta.url));

// First scan 0.975 / 0.960 (201 secrets, 208 traps, 124 files read; 198 lines reported, 8 missed, 5 false alarms).
// After this round's fixes 0.995 / 0.980 (198 lines, 4 missed, 1 false alarm). The floor is just under that.
const MIN_PRECISION = 0.99;
const MIN_RECALL = 0.975;

// The gaps this corpus still has (docs/detection.md "Session 22, blind22"), as "file:line", each with the label's kind.
const KNOWN_GAPS: KnownGaps = {
  missed: [
    "lumen/apps/web/src/lib/algolia.ts:5", // algolia admin key given to algoliasearch(appId, key), which browsers also call with the search key
    "tidepool/netlify.toml:10", // contentful delivery token in a build environment (the scanner holds CDA tokens public)
    "quill/README.md:17", // a live dashboard api key quoted in a readme sentence
    "lumen/apps/web/e2e/global.setup.ts:10", // e2e account password in a test setup object
  ],
  falseAlarms: [
    "lumen/apps/mobile/secrets/play-service-account.json:4", // trap: private key id (reported as the key to revoke, by design)
  ],
};

test("blind corpus 22: precision and recall of scan() on indie SaaS and full-stack platform estates", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py", "_meta/README.md"]);
});
