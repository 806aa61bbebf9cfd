// The Vault "group" a variable belongs to, from its name: `DB_PASSWORD` →
// database/password, `STRIPE_SECRET_KEY` → stripe/secret_key, `JWT_SECRET` →
// app/jwt_secret. Grouping by provider keeps one Vault secret per credential
// set, which is how teams grant access (one policy path per service).

/** Name prefixes (upper-case, without the separator) → group. Longest prefix wins. */
const PREFIX_GROUPS: Record<string, string> = {
  DB: "database",
  DATABASE: "database",
  POSTGRES: "database",
  POSTGRESQL: "database",
  MYSQL: "database",
  MARIADB: "database",
  MONGO: "database",
  MONGODB: "database",
  MSSQL: "database",
  SQL: "database",
  REDIS: "redis",
  AWS: "aws",
  AMAZON: "aws",
  S3: "aws",
  GCP: "gcp",
  GOOGLE: "google",
  GCLOUD: "gcp",
  FIREBASE: "firebase",
  AZURE: "azure",
  STRIPE: "stripe",
  GITHUB: "github",
  GH: "github",
  GITLAB: "gitlab",
  SLACK: "slack",
  TWILIO: "twilio",
  SENDGRID: "sendgrid",
  MAILGUN: "mailgun",
  MAILCHIMP: "mailchimp",
  POSTMARK: "postmark",
  SMTP: "smtp",
  MAIL: "smtp",
  EMAIL: "smtp",
  OPENAI: "openai",
  ANTHROPIC: "anthropic",
  SENTRY: "sentry",
  DATADOG: "datadog",
  DD: "datadog",
  NEWRELIC: "newrelic",
  NEW_RELIC: "newrelic",
  SUPABASE: "supabase",
  AUTH0: "auth0",
  OKTA: "okta",
  CLERK: "clerk",
  NPM: "npm",
  DOCKER: "docker",
  DOCKERHUB: "docker",
  SHOPIFY: "shopify",
  PAYPAL: "paypal",
  ALGOLIA: "algolia",
  CLOUDINARY: "cloudinary",
  CLOUDFLARE: "cloudflare",
  HEROKU: "heroku",
  VERCEL: "vercel",
  NETLIFY: "netlify",
  DISCORD: "discord",
  TELEGRAM: "telegram",
  HUBSPOT: "hubspot",
  SALESFORCE: "salesforce",
  ZENDESK: "zendesk",
  PUSHER: "pusher",
  RABBITMQ: "rabbitmq",
  AMQP: "rabbitmq",
  KAFKA: "kafka",
  ELASTIC: "elasticsearch",
  ELASTICSEARCH: "elasticsearch",
  OAUTH: "oauth",
  JWT: "jwt",
};

/** `PGPASSWORD`, `PGUSER`: libpq's variables have no separator after `PG`. */
const GLUED_PREFIXES: [string, string][] = [["PG", "database"]];

/** `MY_API-KEY` / `myApiKey` / `my.api.key` → `my_api_key`. */
export function lowerSnake(name: string): string {
  // A digit starts no word in an upper-case name (N8N_ENCRYPTION_KEY, K8S_TOKEN, B2_KEY): only after a
  // lower-case letter (oauth2Token, base64URL) or before a capitalised word (S3Bucket) is it a boundary.
  return name
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .replace(/([a-z][0-9]+)([A-Z])/g, "$1_$2")
    .replace(/([0-9])([A-Z][a-z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}

/** Strip build-tool prefixes that say where a variable is exposed, not what it is. */
const EXPOSURE_PREFIXES = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "NUXT_", "GATSBY_", "PUBLIC_", "VUE_APP_"];

export interface GroupedName {
  group: string;
  key: string;
}

export function groupOf(name: string): GroupedName {
  let snake = lowerSnake(name).toUpperCase();
  for (const p of EXPOSURE_PREFIXES) if (snake.startsWith(p) && snake.length > p.length) snake = snake.slice(p.length);
  const parts = snake.split("_").filter(Boolean);
  // Longest matching multi-word prefix first (NEW_RELIC before NEW).
  for (let n = Math.min(2, parts.length - 1); n >= 1; n--) {
    const prefix = parts.slice(0, n).join("_");
    const group = PREFIX_GROUPS[prefix];
    if (group) return { group, key: parts.slice(n).join("_").toLowerCase() };
  }
  for (const [glued, group] of GLUED_PREFIXES) {
    const first = parts[0] ?? "";
    if (first.startsWith(glued) && first.length > glued.length && parts.length === 1) {
      return { group, key: [first.slice(glued.length), ...parts.slice(1)].join("_").toLowerCase() };
    }
  }
  // `DATABASE_URL`-like names that are a single known word: group with empty rest.
  if (parts.length === 1 && PREFIX_GROUPS[parts[0]!]) return { group: PREFIX_GROUPS[parts[0]!]!, key: parts[0]!.toLowerCase() };
  return { group: "app", key: parts.join("_").toLowerCase() || "value" };
}

/**
 * A hard-coded secret whose name says nothing of its provider (`pass`, `apiKey`,
 * `token`) but that a provider's rule found (`sendgrid-api-key`): named after
 * the provider (`SENDGRID_PASS`), so it lands in that provider's Vault group
 * (`<app>/shared/sendgrid#pass`) rather than in `app`, and the secrets module's
 * name tells a reader what it is. A name that already has a group, or a
 * literal assigned to `process.env.X` (named X, which the app reads), is kept.
 */
export function providerQualifiedName(name: string, ruleId: string): string {
  if (/^(?:process\.env|import\.meta\.env)\./.test(name) || groupOf(name).group !== "app") return name;
  const parts = ruleId.toUpperCase().split("-");
  for (let n = Math.min(2, parts.length); n >= 1; n--) {
    const prefix = parts.slice(0, n).join("_");
    if (PREFIX_GROUPS[prefix]) return `${prefix}_${lowerSnake(name).toUpperCase()}`;
  }
  return name;
}
