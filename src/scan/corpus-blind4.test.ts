import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readLabels, scanAndScore, type CorpusLabel, assertScore, type KnownGaps } from "./labelled-corpus.js";
import { collectCandidates } from "../classify/candidates.js";

// The fourth blind corpus (fixtures/corpus-blind4): 21 JS/TS apps as they sit
// in real repositories (Next.js, Vite, SvelteKit, Remix, Nuxt, Astro, Express,
// Fastify+Prisma, NestJS, Koa+Drizzle, Hono on Workers, Deno, Bun, Expo,
// Electron, serverless functions, a turbo monorepo, a CLI, a Discord bot, an
// Apollo server, a test suite of fakes) with their .env/.env.local/
// .env.production/.env.example/.env.test files. Labels were written by a
// reviewer who had not read the detectors or the classifier, and committed
// before the first scan: every secret with the kind expected (`browser: true`
// when the secret is shipped to the client), every trap, and for each key of
// a migrated .env file the verdict the migration should reach (`class`:
// secret, config or public). Figures: docs/detection.md "Blind corpus 4".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind4/", import.meta.url));

interface Label extends CorpusLabel {
  trap?: boolean;
  browser?: boolean;
  class?: "secret" | "config" | "public";
}

const { all, secrets, traps } = readLabels<Label>(root);

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;


// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [],
  falseAlarms: [
    // Maps SDK keys in Expo's app.json, labelled traps here and secrets in blind corpus 7: reported at
    // medium severity, as in every mobile file, since Google asks that they stay out of version control
    // (docs/detection.md "Known gaps, session 7").
    "expo-app/app.json:6",
    "expo-app/app.json:7",
  ],
};

test("blind corpus 4: precision and recall of scan() on JS/TS apps and their .env files", async () => {
  const labels = secrets;
  assert.ok(labels.length >= 120, `the corpus should plant at least 120 secrets, has ${labels.length}`);
  assert.ok(traps.length >= labels.length, "the corpus should hold at least as many traps as secrets");

  const score = await scanAndScore(root, labels, traps);
  const { findings } = score;
  // A secret shipped to the client should be reported as browser-exposed, whatever else it is.
  const browser = labels.filter((l) => l.browser);
  const notExposed = browser.filter((l) => !findings.some((f) => f.file === l.file && f.line === l.line && f.kind === "browser-exposed"));
  assertScore(score, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS);
  console.log(`browser-exposed ${browser.length - notExposed.length}/${browser.length}${notExposed.map((l) => `\n  not reported as browser-exposed: ${l.file}:${l.line} (${l.note})`).join("")}`);
  assert.equal(notExposed.length, 0, "every secret shipped to the client is reported as browser-exposed");
});

const MAX_SECRETS_LEFT = 0;
const MAX_CONFIG_MOVED = 0;

test("blind corpus 4: the migration's verdict on each .env key (secret moves to Vault, config and public stay)", () => {
  const set = collectCandidates(root);
  const moved = new Set(set.secrets.filter((c) => c.source.type === "dotenv").map((c) => `${c.source.file}:${c.source.line}`));
  const kept = new Set(set.config.map((c) => `${c.file}:${c.line}`));
  const classed = all.filter((l) => l.class !== undefined && set.envFiles.includes(l.file));
  assert.ok(classed.length >= 150, `the corpus should class at least 150 .env keys, has ${classed.length}`);
  const left: string[] = [];
  const needless: string[] = [];
  const unseen: string[] = [];
  for (const l of classed) {
    const key = `${l.file}:${l.line}`;
    if (!moved.has(key) && !kept.has(key)) unseen.push(`${key} ${l.class} (${l.note})`);
    else if (l.class === "secret" && !moved.has(key)) left.push(`${key} ${l.kind} (${l.note})`);
    else if (l.class !== "secret" && moved.has(key)) needless.push(`${key} ${l.class} (${l.note})`);
  }
  const summary = [
    `.env keys classed ${classed.length} (secret ${classed.filter((l) => l.class === "secret").length})`,
    `secrets left in plaintext (${left.length}):`,
    ...left.map((m) => `  ${m}`),
    `config/public moved to Vault (${needless.length}):`,
    ...needless.map((m) => `  ${m}`),
    `keys the migration did not read (${unseen.length}):`,
    ...unseen.map((m) => `  ${m}`),
  ].join("\n");
  console.log(summary);
  assert.ok(left.length <= MAX_SECRETS_LEFT && needless.length <= MAX_CONFIG_MOVED && unseen.length === 0, summary);
});
