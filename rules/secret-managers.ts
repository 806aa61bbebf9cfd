import type { Rule } from "../src/scan/types.js";
import { assigned, custom, prefixed } from "./build.js";
import { isRealPassword } from "./passwords.js";
import { ALNUM, B64, B64URL, HEX, UPPER_ALNUM, base64url, fake, uuid } from "./fake.js";

const VAULT_TOKENS = "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes";
const DOPPLER = "https://docs.doppler.com/reference/auth-token-formats";

// Vault ≥ 1.10 token prefixes: hvs. (service), hvb. (batch), hvr. (recovery);
// the body is base62 plus "_"/"-" for namespaced and HCP tokens.
const vault = (id: string, prefix: string, description: string, length: number, severity: Rule["severity"]): Rule =>
  prefixed({
    id,
    description,
    kind: "token",
    severity,
    docs: VAULT_TOKENS,
    prefix,
    body: "[A-Za-z0-9_-]{24,400}",
    fixedLength: false,
    entropy: 3.5,
    get sample() { return prefix + fake(ALNUM, length, id); },
    env: "VAULT_TOKEN",
  });

// Doppler tokens: "dp." + type + "." + random (the service token carries the
// config name between type and secret).
const doppler = (id: string, type: string, description: string, env: string, middle = ""): Rule =>
  prefixed({
    id,
    description,
    kind: "token",
    severity: "high",
    docs: DOPPLER,
    prefix: `dp.${type}.`,
    body: type === "st" ? "(?:[a-z0-9_-]{2,35}\\.)?[A-Za-z0-9]{40,44}" : "[A-Za-z0-9]{40,44}",
    fixedLength: false,
    entropy: 3.5,
    get sample() { return `dp.${type}.${middle}${fake(ALNUM, 43, id)}`; },
    env,
  });

export const rules: Rule[] = [
  vault("vault-service-token", "hvs.", "HashiCorp Vault service token (hvs.…)", 24, "critical"),
  vault("vault-batch-token", "hvb.", "HashiCorp Vault batch token (hvb.…)", 138, "high"),
  vault("vault-recovery-token", "hvr.", "HashiCorp Vault recovery token (hvr.…)", 24, "critical"),
  // Before Vault 1.10 tokens were "s." (service) or "b." (batch) + 24 base62:
  // too short to tell apart without a Vault name next to them.
  assigned({
    id: "vault-legacy-token",
    description: "HashiCorp Vault token in the pre-1.10 format (s./b. + 24) assigned to a Vault token name",
    kind: "token",
    severity: "critical",
    docs: VAULT_TOKENS,
    names: "vault[\\w.-]{0,10}?token|x-vault-token",
    value: "[sb]\\.[A-Za-z0-9]{24}",
    keywords: ["vault"],
    get sample() { return "s." + fake(ALNUM, 24, "vault-legacy"); },
    env: "VAULT_TOKEN",
    valid: ["VAULT_TOKEN=root", "VAULT_TOKEN=${VAULT_TOKEN}"],
  }),
  // A Pulumi secret written out decrypted: `pulumi stack export --show-secrets` and state files keep a
  // secret as an object tagged with the signature key "4dabf18193072939515e22adb298388d" and value
  // "1b47061264138c4ac30d75fd1eb44270"; encrypted it carries "ciphertext", decrypted "plaintext" (a
  // JSON-encoded value: a string is "\"…\""). https://www.pulumi.com/docs/iac/concepts/secrets/
  custom({
    id: "pulumi-plaintext-secret",
    description: "Pulumi secret exported in plaintext (the secret signature object with \"plaintext\")",
    kind: "password",
    severity: "high",
    docs: "https://www.pulumi.com/docs/iac/concepts/secrets/",
    keywords: ["1b47061264138c4ac30d75fd1eb44270"],
    pattern: /"1b47061264138c4ac30d75fd1eb44270"[ \t]{0,4},[ \t\r\n]{0,40}"plaintext"[ \t]{0,4}:[ \t]{0,4}"\\"(?<secret>[^"\\\s]{4,2000})\\""/,
    validate: isRealPassword,
    get examples() {
      const sig = '"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"';
      const v = fake(ALNUM, 32, "pulumi-plain");
      return {
        invalid: [`"outputs": {"result": {${sig}, "plaintext": "\\"${v}\\""}}`, `{\n  ${sig},\n  "plaintext": "\\"${v}\\""\n}`],
        valid: [`"inputs": {"secretKey": {${sig}, "ciphertext": "v1:${fake(B64, 16, "pc")}:${fake(B64, 44, "pc")}"}}`, `{${sig}, "plaintext": "\\"changeme\\""}`, `{${sig}, "plaintext": "{\\"port\\":5432}"}`],
      };
    },
  }),
  // Vault AppRole SecretID: with the (non-secret) RoleID it logs in as the
  // role; Vault generates it as a UUID. A UUID is demanded so that AWS Secrets
  // Manager's `SecretId` (a secret's name or ARN) is left alone.
  // https://developer.hashicorp.com/vault/docs/auth/approle#secretid
  assigned({
    id: "vault-approle-secret-id",
    description: "HashiCorp Vault AppRole SecretID (UUID) assigned to a secret_id name",
    kind: "token",
    severity: "high",
    docs: "https://developer.hashicorp.com/vault/docs/auth/approle#secretid",
    // `secret_id_accessor` is the SecretID's handle for lookup and revocation, not the SecretID.
    names: "secret[_.-]?id(?![\\w.-]{0,20}accessor)",
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    keywords: ["secret_id"],
    entropy: 3,
    get sample() { return uuid("approle-secret-id"); },
    env: "VAULT_SECRET_ID",
    valid: ["SecretId: arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf", "VAULT_SECRET_ID=${VAULT_SECRET_ID}", `secret_id_accessor=${uuid("approle-accessor")}`],
  }),
  assigned({
    id: "vault-unseal-key",
    description: "HashiCorp Vault unseal or recovery key share (base64) assigned to an unseal-key name",
    kind: "private-key",
    severity: "critical",
    docs: "https://developer.hashicorp.com/vault/docs/concepts/seal",
    names: "unseal[_.-]?key|recovery[_.-]?key",
    value: "[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{44}(?:[A-Za-z0-9+/]{20})?",
    keywords: ["unseal", "recovery"],
    entropy: 4,
    fixedLength: false,
    get sample() { return fake(B64, 43, "unseal") + "="; },
    env: "VAULT_UNSEAL_KEY",
  }),
  // 1Password service account tokens: "ops_" + base64url JSON.
  prefixed({
    id: "onepassword-service-account-token",
    description: "1Password service account token (ops_eyJ…)",
    kind: "token",
    severity: "critical",
    docs: "https://developer.1password.com/docs/service-accounts/",
    prefix: "ops_eyJ",
    body: "[A-Za-z0-9+/_-]{100,2000}={0,2}",
    boundary: "A-Za-z0-9_+/=-",
    fixedLength: false,
    get sample() { return "ops_" + base64url(JSON.stringify({ signInAddress: "acme.1password.com", userAuth: { method: "SRPg-4096", alg: "PBES2g-HS256", iterations: 650000, salt: fake(B64URL, 22, "ops") }, email: "svc@acme.io", srpX: fake(HEX, 64, "ops"), muk: { alg: "A256GCM", ext: true, k: fake(B64URL, 43, "ops2"), key_ops: ["encrypt", "decrypt"], kty: "oct", kid: "mp" }, secretKey: "A3-" + fake(UPPER_ALNUM, 6, "ops"), deviceUuid: fake(ALNUM, 26, "ops") })); },
    env: "OP_SERVICE_ACCOUNT_TOKEN",
  }),
  // 1Password account Secret Keys: "A3-" + account id (6) + five random groups.
  prefixed({
    id: "onepassword-secret-key",
    description: "1Password account Secret Key (A3-XXXXXX-…)",
    kind: "private-key",
    severity: "critical",
    docs: "https://support.1password.com/secret-key-security/",
    prefix: "A3-",
    body: "[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}",
    get sample() { return `A3-${fake(UPPER_ALNUM, 6, "a3")}-${fake(UPPER_ALNUM, 6, "a3b")}-${fake(UPPER_ALNUM, 5, "a3c")}-${fake(UPPER_ALNUM, 5, "a3d")}-${fake(UPPER_ALNUM, 5, "a3e")}-${fake(UPPER_ALNUM, 5, "a3f")}`; },
    env: "OP_SECRET_KEY",
  }),
  doppler("doppler-personal-token", "pt", "Doppler personal token (dp.pt.…)", "DOPPLER_TOKEN"),
  doppler("doppler-service-token", "st", "Doppler service token (dp.st.…)", "DOPPLER_TOKEN", "prd."),
  doppler("doppler-service-account-token", "sa", "Doppler service account token (dp.sa.…)", "DOPPLER_TOKEN"),
  doppler("doppler-cli-token", "ct", "Doppler CLI token (dp.ct.…)", "DOPPLER_TOKEN"),
  doppler("doppler-scim-token", "scim", "Doppler SCIM token (dp.scim.…)", "DOPPLER_SCIM_TOKEN"),
  doppler("doppler-audit-token", "audit", "Doppler audit token (dp.audit.…)", "DOPPLER_AUDIT_TOKEN"),
  // Infisical service tokens: "st." + token id + "." + secret + "." + key, hex parts.
  prefixed({
    id: "infisical-service-token",
    description: "Infisical service token (st.….….…)",
    kind: "token",
    severity: "high",
    docs: "https://infisical.com/docs/documentation/platform/token",
    prefix: "st.",
    body: "[a-f0-9-]{24,36}\\.[a-f0-9]{32}\\.[a-f0-9]{32}",
    get sample() { return `st.${fake(HEX, 24, "inf")}.${fake(HEX, 32, "inf")}.${fake(HEX, 32, "inf2")}`; },
    env: "INFISICAL_TOKEN",
  }),
  // Pulumi access tokens: "pul-" + 40 hex.
  prefixed({
    id: "pulumi-access-token",
    description: "Pulumi Cloud access token (pul-…)",
    kind: "token",
    severity: "high",
    docs: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
    prefix: "pul-",
    body: "[a-f0-9]{40}",
    get sample() { return "pul-" + fake(HEX, 40, "pulumi"); },
    env: "PULUMI_ACCESS_TOKEN",
  }),
  // Bitwarden Secrets Manager machine account access tokens:
  // "0." + UUID + "." + 30 characters + ":" + base64 key.
  prefixed({
    id: "bitwarden-access-token",
    description: "Bitwarden Secrets Manager access token (0.<uuid>.<secret>:<key>)",
    kind: "token",
    severity: "critical",
    docs: "https://bitwarden.com/help/access-tokens/",
    prefix: "0.",
    body: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==",
    boundary: "A-Za-z0-9_+/=.-",
    keywords: ["=="],
    get sample() { return `0.${uuid("bw")}.${fake(ALNUM, 30, "bw")}:${fake(B64, 22, "bw")}==`; },
    env: "BWS_ACCESS_TOKEN",
  }),

  // Bitwarden CLI's data.json keeps the personal API key's client secret as
  // "user_<UUID>_token_apiKeyClientSecret": "<30 alphanumerics>" (bitwarden.com/help/public-api;
  // Kingfisher bitwarden.1). The key name is the format: no other file writes it.
  custom({
    id: "bitwarden-api-client-secret",
    description: "Bitwarden API key client secret (CLI data.json)",
    kind: "api-key",
    severity: "critical",
    docs: "https://bitwarden.com/help/personal-api-key/",
    keywords: ["apikeyclientsecret"],
    pattern: /"user_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}_token_apiKeyClientSecret"[ \t]{0,4}:[ \t\r\n]{0,20}"(?<secret>[A-Za-z0-9]{10,50})"/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`{\n  "user_${uuid("bw")}_token_apiKeyClientSecret": "${fake(ALNUM, 30, "bw")}",\n  "global_account_activeAccountId": "${uuid("bw")}"\n}`],
        valid: [`"user_${uuid("bw2")}_token_apiKeyClientId": "user.${uuid("bw2")}"`, `"user_${uuid("bw3")}_token_apiKeyClientSecret": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`],
      };
    },
  }),
];
