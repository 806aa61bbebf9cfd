import type { Rule } from "../src/scan/types.js";
import { rules as aws } from "./aws.js";
import { rules as gcp } from "./gcp.js";
import { rules as azure } from "./azure.js";
import { rules as github } from "./github.js";
import { rules as gitlab } from "./gitlab.js";
import { rules as atlassian } from "./atlassian.js";
import { rules as registries } from "./registries.js";
import { rules as payments } from "./payments.js";
import { rules as messaging } from "./messaging.js";
import { rules as ai } from "./ai.js";
import { rules as observability } from "./observability.js";
import { rules as secretManagers } from "./secret-managers.js";
import { rules as privateKeys } from "./private-keys.js";
import { rules as databaseUrls } from "./database-urls.js";
import { rules as credentialFiles } from "./credential-files.js";
import { rules as cliArguments } from "./cli-arguments.js";
import { rules as authHeaders } from "./auth-headers.js";
import { rules as cloudMisc } from "./cloud-misc.js";
import { rules as saas } from "./saas.js";
import { rules as network } from "./network.js";
import { rules as services } from "./services.js";
import { rules as web3 } from "./web3.js";
import { rules as windowsAdmin } from "./windows-admin.js";
import { rules as embedded } from "./embedded.js";
import { rules as saasPlatforms } from "./saas-platforms.js";
import { rules as researchData } from "./research-data.js";
import { rules as trufflehogFormats } from "./trufflehog-formats.js";
import { rules as paymentsEnterprise } from "./payments-enterprise.js";

/** The rule files, in order, with the family name each stands for (docs/rules.md is grouped by it). */
export const ruleFamilies: ReadonlyArray<{ family: string; rules: Rule[] }> = [
  { family: "AWS", rules: aws },
  { family: "Google Cloud", rules: gcp },
  { family: "Azure", rules: azure },
  { family: "GitHub", rules: github },
  { family: "GitLab", rules: gitlab },
  { family: "Atlassian / Bitbucket", rules: atlassian },
  { family: "Package registries and CI", rules: registries },
  { family: "Payments and commerce", rules: payments },
  { family: "Messaging, chat and email", rules: messaging },
  { family: "AI providers", rules: ai },
  { family: "Observability", rules: observability },
  { family: "Secret managers", rules: secretManagers },
  { family: "Private keys", rules: privateKeys },
  { family: "Database and broker URLs", rules: databaseUrls },
  { family: "Credential and framework config files", rules: credentialFiles },
  { family: "Command-line arguments", rules: cliArguments },
  { family: "HTTP authentication and tokens", rules: authHeaders },
  { family: "Other cloud and hosting providers", rules: cloudMisc },
  { family: "SaaS and developer services", rules: saas },
  { family: "Network devices, VPN and Wi-Fi", rules: network },
  { family: "Server and service configuration", rules: services },
  { family: "Blockchain tooling", rules: web3 },
  { family: "Windows administration tools", rules: windowsAdmin },
  { family: "Firmware, devices and the network edge", rules: embedded },
  { family: "App platforms, billing and background jobs", rules: saasPlatforms },
  { family: "Research, scientific computing and data platforms", rules: researchData },
  { family: "More provider tokens (trufflehog's detectors)", rules: trufflehogFormats },
  { family: "Finance, ERP, EDI and HSM integrations", rules: paymentsEnterprise },
];

// Every provider rule, in file order. Ids are unique across files (checked by
// src/scan/rules.test.ts).
export const allRules: Rule[] = ruleFamilies.flatMap((f) => f.rules);
