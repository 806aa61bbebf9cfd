import type { Rule } from "../src/scan/types.js";
import { assigned, prefixed } from "./build.js";
import { ALNUM, fake } from "./fake.js";

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
];
