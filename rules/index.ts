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

// Every provider rule, in file order. Ids are unique across files (checked by
// src/scan/rules.test.ts).
export const allRules: Rule[] = [...aws, ...gcp, ...azure, ...github, ...gitlab, ...atlassian, ...registries, ...payments, ...messaging, ...ai, ...observability, ...secretManagers, ...privateKeys, ...databaseUrls, ...credentialFiles, ...cliArguments, ...authHeaders, ...cloudMisc, ...saas];
