import { crc32 } from "node:zlib";

// Generated, realistic-looking fake credentials for the benchmark corpus. Each
// format follows the provider's documented shape closely enough that a good
// scanner must report it (including checksums where the format has one), but
// the values are random: they authenticate nowhere. A seeded PRNG makes the
// corpus identical on every machine.

/** mulberry32: a tiny seeded PRNG (public domain, Tommy Ettinger); plenty for picking files and characters. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Prng.pick: empty list");
    return items[this.int(items.length)] as T;
  }
  chars(alphabet: string, length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

export const DIGITS = "0123456789";
export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const LOWER = "abcdefghijklmnopqrstuvwxyz";
/** The base62 alphabet in the order GitHub/npm token checksums use (0-9, A-Z, a-z). */
export const BASE62 = DIGITS + UPPER + LOWER;
const HEX = "0123456789abcdef";
const B64 = `${BASE62}+/`;
const B64URL = `${BASE62}-_`;

export function base62(value: number, width: number): string {
  let out = "";
  let v = value;
  do {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, "0");
}

/**
 * GitHub (2021) and npm (2021) tokens end in 6 base62 characters holding the
 * CRC32 of the random part: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 * and https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
 */
export function checksummedToken(prefix: string, random: string): string {
  return `${prefix}${random}${base62(crc32(random), 6)}`;
}

export interface FakeSecret {
  /** Short provider/format id, e.g. `github-pat`. */
  provider: string;
  /** Environment-variable style name it is assigned to, e.g. `GITHUB_TOKEN`. */
  name: string;
  value: string;
}

interface Generator {
  provider: string;
  names: string[];
  make(rng: Prng): string;
}

function pem(rng: Prng): string {
  // An RSA-2048 PKCS#1 key is ~1,700 base64 characters in 64-column lines; the
  // body starts with the DER SEQUENCE header every such key has (MIIEo/MIIEp).
  const body = `MIIEpAIBAAKCAQEA${rng.chars(B64, 1572)}`;
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN RSA PRIVATE KEY-----\n${lines.join("\n")}\n-----END RSA PRIVATE KEY-----`;
}

export const generators: Generator[] = [
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html (AKIA + 16 base32)
  { provider: "aws-access-key-id", names: ["AWS_ACCESS_KEY_ID"], make: (r) => `AKIA${r.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}` },
  { provider: "aws-secret-access-key", names: ["AWS_SECRET_ACCESS_KEY"], make: (r) => r.chars(B64, 40) },
  { provider: "github-pat", names: ["GITHUB_TOKEN", "GH_TOKEN"], make: (r) => checksummedToken("ghp_", r.chars(BASE62, 30)) },
  {
    provider: "github-fine-grained-pat",
    names: ["GITHUB_PAT"],
    make: (r) => `github_pat_11${r.chars(DIGITS + UPPER, 20)}_${r.chars(BASE62, 59)}`,
  },
  // https://docs.gitlab.com/ee/security/token_overview.html (glpat- + 20)
  { provider: "gitlab-pat", names: ["GITLAB_TOKEN"], make: (r) => `glpat-${r.chars(`${BASE62}_-`, 20)}` },
  // https://api.slack.com/authentication/token-types
  {
    provider: "slack-bot-token",
    names: ["SLACK_BOT_TOKEN"],
    make: (r) => `xoxb-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(BASE62, 24)}`,
  },
  {
    provider: "slack-webhook",
    names: ["SLACK_WEBHOOK_URL"],
    make: (r) => `https://hooks.slack.com/services/T${r.chars(UPPER + DIGITS, 8)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(BASE62, 24)}`,
  },
  // https://docs.stripe.com/keys (sk_live_ + long base62)
  { provider: "stripe-secret-key", names: ["STRIPE_SECRET_KEY", "STRIPE_API_KEY"], make: (r) => `sk_live_51${r.chars(BASE62, 97)}` },
  // https://cloud.google.com/docs/authentication/api-keys (AIza + 35)
  { provider: "google-api-key", names: ["GOOGLE_API_KEY", "FIREBASE_API_KEY"], make: (r) => `AIza${r.chars(B64URL, 35)}` },
  {
    provider: "openai-api-key",
    names: ["OPENAI_API_KEY"],
    make: (r) => `sk-proj-${r.chars(B64URL, 74)}T3BlbkFJ${r.chars(B64URL, 74)}`,
  },
  { provider: "anthropic-api-key", names: ["ANTHROPIC_API_KEY"], make: (r) => `sk-ant-api03-${r.chars(B64URL, 93)}AA` },
  { provider: "npm-token", names: ["NPM_TOKEN"], make: (r) => checksummedToken("npm_", r.chars(BASE62, 30)) },
  // https://docs.sendgrid.com/ui/account-and-settings/api-keys (SG.<22>.<43>)
  { provider: "sendgrid-api-key", names: ["SENDGRID_API_KEY"], make: (r) => `SG.${r.chars(B64URL, 22)}.${r.chars(B64URL, 43)}` },
  { provider: "twilio-api-key", names: ["TWILIO_API_KEY"], make: (r) => `SK${r.chars(HEX, 32)}` },
  { provider: "shopify-access-token", names: ["SHOPIFY_ACCESS_TOKEN"], make: (r) => `shpat_${r.chars(HEX, 32)}` },
  // https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes (hvs. service tokens)
  { provider: "vault-token", names: ["VAULT_TOKEN"], make: (r) => `hvs.${r.chars(BASE62, 24)}` },
  {
    provider: "postgres-url",
    names: ["DATABASE_URL"],
    make: (r) => `postgres://${r.pick(["app", "svc_orders", "admin"])}:${r.chars(BASE62, 22)}@db-${r.chars(LOWER, 6)}.internal:5432/${r.pick(["orders", "main", "prod"])}`,
  },
  { provider: "generic-password", names: ["DB_PASSWORD", "SMTP_PASSWORD", "ADMIN_PASSWORD"], make: (r) => r.chars(`${BASE62}!#%^*-_`, 20) },
  { provider: "generic-hex-secret", names: ["JWT_SECRET", "SESSION_SECRET"], make: (r) => r.chars(HEX, 64) },
  {
    provider: "azure-storage-connection-string",
    names: ["AZURE_STORAGE_CONNECTION_STRING"],
    make: (r) =>
      `DefaultEndpointsProtocol=https;AccountName=st${r.chars(LOWER + DIGITS, 10)};AccountKey=${r.chars(B64, 86)}==;EndpointSuffix=core.windows.net`,
  },
  { provider: "rsa-private-key", names: ["PRIVATE_KEY"], make: pem },
];

export function fakeSecret(rng: Prng, generator = rng.pick(generators)): FakeSecret {
  return { provider: generator.provider, name: rng.pick(generator.names), value: generator.make(rng) };
}
