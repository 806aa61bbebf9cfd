import type { Rule } from "../src/scan/types.js";
import { decodeBase64 } from "../src/scan/checksum.js";
import { assigned, prefixed } from "./build.js";
import { ALNUM, DIGITS, fake } from "./fake.js";

/**
 * Atlassian Data Center tokens (Bitbucket HTTP access tokens "BBDC-…", Jira and Confluence personal
 * access tokens) are base64 of "<12-digit token id>:<20 random bytes>", 44 characters: the first
 * 16 encode the digits, "O" + [g-v] the colon. Decoding checks that, so a base64 blob of the same
 * length is no token.
 */
const DC_TOKEN = "[MNO][A-Za-z0-9+/]{15}O[g-v][A-Za-z0-9+/]{26}";
const isDataCenterToken = (s: string): boolean => {
  const bytes = decodeBase64(s.replace(/^BBDC-/, ""));
  return bytes !== undefined && bytes.length === 33 && /^[0-9]{12}:$/.test(bytes.subarray(0, 13).toString("latin1"));
};
const dcToken = (seed: string): string => Buffer.concat([Buffer.from(fake(DIGITS, 12, seed)), Buffer.from(":"), Buffer.from(fake(ALNUM, 20, `${seed}2`))]).toString("base64");

export const rules: Rule[] = [
  // Bitbucket app passwords: "ATBB" + 28-32 characters (scanners cite both;
  // the tail is a hex checksum).
  prefixed({
    id: "bitbucket-app-password",
    description: "Bitbucket app password (ATBB…)",
    kind: "password",
    severity: "high",
    docs: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
    prefix: "ATBB",
    body: "[A-Za-z0-9_=.-]{28,32}",
    fixedLength: false,
    entropy: 3.5,
    get valid() { return [`BITBUCKET_APP_PASSWORD=ATBB${fake(ALNUM, 20, "atbb-short")}`]; },
    get sample() { return "ATBB" + fake(ALNUM, 24, "atbb") + fake("0123456789ABCDEF", 8, "atbb"); },
    env: "BITBUCKET_APP_PASSWORD",
  }),
  // Atlassian API tokens since 2023: "ATATT3" + 186 characters (with an
  // embedded checksum); they authenticate to Jira, Confluence and Bitbucket.
  prefixed({
    id: "atlassian-api-token",
    description: "Atlassian Cloud API token for Jira/Confluence (ATATT3…)",
    kind: "token",
    severity: "high",
    docs: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    prefix: "ATATT3",
    body: "[A-Za-z0-9_=-]{186}",
    get sample() { return "ATATT3" + fake(ALNUM + "_-", 186, "atatt"); },
    env: "JIRA_API_TOKEN",
  }),
  // Older Atlassian API tokens: 24 alphanumerics with no prefix.
  assigned({
    id: "atlassian-api-token-legacy",
    description: "Atlassian API token, legacy 24-character format, assigned to a Jira/Confluence/Atlassian name",
    kind: "token",
    severity: "high",
    docs: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    names: "atlassian|jira|confluence",
    value: "[A-Za-z0-9]{24}",
    keywords: ["atlassian", "jira", "confluence"],
    entropy: 3.5,
    get sample() { return fake(ALNUM, 24, "atl-legacy"); },
    env: "JIRA_API_TOKEN",
  }),
  // Bitbucket repository/workspace access tokens: "ATCTT3" + 180+ characters.
  prefixed({
    id: "bitbucket-access-token",
    description: "Bitbucket repository/project/workspace access token (ATCTT3…)",
    kind: "token",
    severity: "high",
    docs: "https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/",
    prefix: "ATCTT3",
    body: "[A-Za-z0-9_=-]{150,250}",
    fixedLength: false,
    get sample() { return "ATCTT3" + fake(ALNUM + "_-", 186, "atctt"); },
    env: "BITBUCKET_ACCESS_TOKEN",
  }),

  // Data Center tokens (https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html,
  // https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html; Kingfisher
  // bitbucket.6, jira.3): Bitbucket's carry "BBDC-"; Jira's and Confluence's have no prefix, so they are
  // found next to an Atlassian product name.
  prefixed({ id: "bitbucket-datacenter-access-token", description: "Bitbucket Data Center HTTP access token (BBDC-…)", kind: "token", severity: "high", docs: "https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html", prefix: "BBDC-", body: DC_TOKEN, boundary: "A-Za-z0-9+/=_-", validate: isDataCenterToken, entropy: 3.5, get sample() { return "BBDC-" + dcToken("bbdc"); }, env: "BITBUCKET_TOKEN", get valid() { return [`BITBUCKET_TOKEN=BBDC-${Buffer.from(fake(ALNUM, 33, "bbdc-not")).toString("base64")}`]; } }),
  assigned({ id: "atlassian-datacenter-pat", description: "Jira / Confluence / Bitbucket / Bamboo Data Center personal access token assigned to an Atlassian name", kind: "token", severity: "high", docs: "https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html", names: "jira|confluence|atlassian|bitbucket|bamboo", value: DC_TOKEN, keywords: ["jira", "confluence", "atlassian", "bitbucket", "bamboo"], validate: isDataCenterToken, entropy: 3.5, get sample() { return dcToken("jira-pat"); }, env: "JIRA_PAT" }),
];
