import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertBlindCorpus, type KnownGaps } from "./labelled-corpus.js";

// The eleventh blind corpus (fixtures/corpus-blind11): whole small repositories
// as they really look (Django, Go, React Native, Terraform/Helm/Argo CD/Flux/
// Pulumi, Spring, Rust, Rails, .NET) with their tests, fixtures, migrations,
// seeds, i18n files, lockfiles, SVGs, CSS, a vendored minified library,
// changelogs and API docs, and the leaks real ones have (a settings file
// committed "temporarily", a test using the staging key, docker-compose
// overrides, seed scripts, commented-out keys, README troubleshooting, .env.bak,
// a kubeconfig, a Postman environment); encodings and split forms (base64 and
// hex values in YAML/JSON, URL-encoded and JSON-escaped passwords, quoted-
// printable mail, concatenated keys, C #define over lines, template literals,
// text blocks, heredocs, raw strings, Markdown fences, HTML/XML attributes, SQL
// INSERTs, CSV exports, request logs); configuration languages (Nix, Dhall,
// CUE, Jsonnet, Starlark/.bazelrc, Gradle Kotlin DSL, sbt, Maven, cargo,
// bunfig, .yarnrc.yml, composer auth.json, NuGet.Config, pip/pypirc, gem
// credentials, netrc, Pulumi stacks, SOPS/age/ansible-vault, Kustomize, systemd
// credentials, Caddy, nginx/htpasswd); and about 35 provider formats no rule
// named (Clerk, Supabase service_role, Turnstile, reCAPTCHA, Statsig, Flagsmith,
// PubNub, Stytch, Telnyx, Paddle, Xendit, Mercado Pago, Mollie, Deno Deploy,
// Vercel Blob, Jina, LlamaCloud, E2B, Browserbase, Modal, Rootly, Checkly,
// Coralogix, Socket, Chromatic, Depot, Portainer, Ory, CockroachDB Cloud...)
// beside their publishable forms, docs shapes and redactions. Labels come from
// markers in the generator's template (_meta/templates.txt, read by
// _meta/gen.py; neither is scanned), written by an engineer who had not read the
// detectors and committed before the first scan. Figures: docs/detection.md
// "Blind corpus 11".

const root = fileURLToPath(new URL("../../../fixtures/corpus-blind11/", import.meta.url));

// First scan 0.929 / 0.880; reached 0.995 / 0.958 by the fixes of this round, then 0.995 / 1.000 by
// those closing its listed gaps (docs/detection.md); the floors are those minus a small margin.
const MIN_PRECISION = 0.985;
const MIN_RECALL = 0.985;

// The gaps this corpus still has (docs/detection.md says why for each), as "file:line".
const KNOWN_GAPS: KnownGaps = {
  missed: [],
  falseAlarms: [
    // Django's startproject key `django-insecure-…`: the prefix says development, but such keys do reach production settings; reported by choice.
    "django-recipes/recipes/settings/local_temp.py:5",
  ],
};

test("blind corpus 11: precision and recall of scan() on whole small repositories, encodings, configuration languages and newer provider formats", async () => {
  await assertBlindCorpus(root, { precision: MIN_PRECISION, recall: MIN_RECALL }, KNOWN_GAPS, ["labels.json", "_meta/templates.txt", "_meta/gen.py"]);
});
