import type { Rule } from "../src/scan/types.js";
import { isValidGitHubToken } from "../src/scan/checksum.js";
import { assigned, prefixed } from "./build.js";
import { ALNUM, HEX, checksummedToken, fake } from "./fake.js";

const FORMATS = "https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/";

// GitHub tokens: a 3-letter prefix + "_", 30 random base62 characters and a
// 6-character base62 CRC32 of those 30 (same blog post). The checksum rejects
// look-alikes that merely match the shape.
const ghToken = (id: string, prefix: string, description: string, env: string): Rule => {
  const sample = () => checksummedToken(prefix, id);
  return prefixed({
    id,
    description,
    kind: "token",
    severity: "critical",
    docs: FORMATS,
    prefix,
    body: "[0-9A-Za-z]{36}",
    validate: isValidGitHubToken,
    get sample() {
      return sample();
    },
    env,
    get invalid() { return [`git clone https://x-access-token:${checksummedToken(prefix, `${id}-url`)}@github.com/acme/app.git`]; },
    get valid() {
      const s = sample();
      const body = s.slice(4, -6);
      return [
        // Right shape, wrong checksum: one character of the body changed.
        `${env}=${prefix}${body.slice(0, -1)}${body.endsWith("a") ? "b" : "a"}${s.slice(-6)}`,
        `${env}=${prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
      ];
    },
  });
};

export const rules: Rule[] = [
  ghToken("github-pat-classic", "ghp_", "GitHub personal access token, classic (ghp_…, checksum verified)", "GITHUB_TOKEN"),
  ghToken("github-oauth-token", "gho_", "GitHub OAuth access token (gho_…, checksum verified)", "GH_OAUTH_TOKEN"),
  ghToken("github-user-to-server-token", "ghu_", "GitHub App user-to-server token (ghu_…, checksum verified)", "GH_USER_TOKEN"),
  ghToken("github-app-installation-token", "ghs_", "GitHub App installation (server-to-server) token (ghs_…, checksum verified)", "GH_APP_TOKEN"),
  ghToken("github-refresh-token", "ghr_", "GitHub App refresh token (ghr_…, checksum verified)", "GH_REFRESH_TOKEN"),

  // Fine-grained personal access tokens: "github_pat_" + 22 base62 + "_" + 59 base62.
  prefixed({
    id: "github-pat-fine-grained",
    description: "GitHub fine-grained personal access token (github_pat_…)",
    kind: "token",
    severity: "critical",
    docs: "https://docs.github.com/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
    prefix: "github_pat_",
    body: "[0-9A-Za-z]{22}_[0-9A-Za-z]{59}",
    entropy: 4,
    get sample() { return "github_pat_" + fake(ALNUM, 22, "fg") + "_" + fake(ALNUM, 59, "fg"); },
    env: "GITHUB_TOKEN",
  }),

  // OAuth App client secrets: 40 hex characters, no prefix.
  assigned({
    id: "github-oauth-client-secret",
    description: "GitHub OAuth App client secret assigned to a GitHub client-secret name",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
    names: "github[\\w.-]{0,20}?(?:client[_.-]?)?secret",
    value: "[a-f0-9]{40}",
    keywords: ["github"],
    get sample() { return fake(HEX, 40, "gh-client"); },
    env: "GITHUB_CLIENT_SECRET",
  }),
];
