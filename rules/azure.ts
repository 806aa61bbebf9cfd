import type { Rule } from "../src/scan/types.js";
import { assigned, custom, keywordsWith } from "./build.js";
import { ALNUM, B64, B64URL, HEX, fake, uuid } from "./fake.js";

// Azurite (the storage emulator) uses one fixed, published account key; it
// unlocks nothing outside a developer's machine.
// https://learn.microsoft.com/azure/storage/common/storage-use-azurite#connection-strings
const AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const notAzurite = (s: string): boolean => s !== AZURITE_KEY;
const storageKey = (seed: string): string => fake(B64, 86, seed) + "==";

export const rules: Rule[] = [
  // Storage (and Cosmos DB) connection strings carry the account key as
  // `AccountKey=<88 base64 characters, 64 bytes>`.
  custom({
    id: "azure-storage-connection-string",
    description: "Azure Storage or Cosmos DB account key inside a connection string (AccountKey=…)",
    kind: "connection-string",
    severity: "critical",
    docs: "https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string",
    keywords: ["accountkey"],
    pattern: /AccountKey\s{0,2}=\s{0,2}(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/i,
    validate: notAzurite,
    get examples() {
      return {
        invalid: [
          `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${storageKey("st-1")};EndpointSuffix=core.windows.net"`,
          `"CosmosDb": "AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=${storageKey("st-2")};"`,
        ],
        valid: [
          `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"`,
          `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=<account-key>"`,
        ],
      };
    },
  }),

  assigned({
    id: "azure-storage-account-key",
    description: "Azure Storage account key assigned to a storage/account-key name",
    kind: "cloud-credential",
    severity: "critical",
    docs: "https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage",
    names: "azure[\\w.-]{0,20}?key|storage[_.-]?account[\\w.-]{0,10}?key",
    value: "[A-Za-z0-9+/]{86}==",
    keywords: ["azure", "storage_account", "storageaccount"],
    entropy: 4.5,
    validate: notAzurite,
    get sample() { return storageKey("st-3"); },
    env: "AZURE_STORAGE_KEY",
    get valid() { return [`AZURE_STORAGE_KEY=${AZURITE_KEY}`]; },
  }),

  // The SDKs' shared-key credential objects take the account name, then the key: .NET and Java
  // `new StorageSharedKeyCredential("account", "…")`, JavaScript `new StorageSharedKeyCredential(…)`,
  // Python `AzureNamedKeyCredential("account", "…")` (Tables, Service Bus)
  // (https://learn.microsoft.com/dotnet/api/azure.storage.storagesharedkeycredential.-ctor).
  custom({
    id: "azure-storage-shared-key-credential",
    description: "Azure Storage account key passed to StorageSharedKeyCredential / AzureNamedKeyCredential",
    kind: "cloud-credential",
    severity: "critical",
    docs: "https://learn.microsoft.com/dotnet/api/azure.storage.storagesharedkeycredential.-ctor",
    keywords: ["sharedkeycredential", "namedkeycredential"],
    pattern: /(?:StorageSharedKeyCredential|AzureNamedKeyCredential)\s{0,4}\(\s{0,40}["'][a-z0-9]{3,24}["']\s{0,4},\s{0,40}@?["'](?<secret>[A-Za-z0-9+/]{86}==)["']/,
    entropy: 4.5,
    validate: notAzurite,
    get examples() {
      return {
        invalid: [
          `var credential = new StorageSharedKeyCredential("acmeorders", "${storageKey("shared-1")}");`,
          `credential = AzureNamedKeyCredential("acmetables", "${storageKey("shared-2")}")`,
        ],
        valid: [
          `new StorageSharedKeyCredential("devstoreaccount1", "${AZURITE_KEY}")`,
          `new StorageSharedKeyCredential(accountName, accountKey)`,
        ],
      };
    },
  }),

  // Hadoop's ABFS/WASB connectors (Spark, Hive, Databricks) read the account key from the property
  // `fs.azure.account.key.<account>.(blob|dfs).core.windows.net`: core-site.xml `<name>`/`<value>`,
  // spark-defaults.conf `name value`, `--conf name=value`
  // (https://hadoop.apache.org/docs/stable/hadoop-azure/abfs.html#Default:_Shared_Key), and the two
  // arguments of a setter in a notebook or a Spark shell, `spark.conf.set("fs.azure.account.key.…", "…")`,
  // Hadoop's `conf.set(name, value)` (the form Databricks documents for an account key).
  custom({
    id: "azure-storage-hadoop-account-key",
    description: "Azure Storage account key in a Hadoop/Spark fs.azure.account.key.<account> property",
    kind: "cloud-credential",
    severity: "critical",
    docs: "https://hadoop.apache.org/docs/stable/hadoop-azure/abfs.html#Default:_Shared_Key",
    keywords: ["fs.azure.account.key."],
    pattern: /fs\.azure\.account\.key\.[a-z0-9]{3,24}\.(?:blob|dfs)\.core\.windows\.net["']?(?:[ \t]{0,40}[=:][ \t]{0,4}["']?|[ \t]{1,40}|[ \t]{0,4},[ \t]{0,4}["']|<\/name>\s{0,40}<value>)(?<secret>[A-Za-z0-9+/]{86}==)/,
    entropy: 4.5,
    validate: notAzurite,
    get examples() {
      return {
        invalid: [
          `<property>\n  <name>fs.azure.account.key.acmedata.blob.core.windows.net</name>\n  <value>${storageKey("hadoop")}</value>\n</property>`,
          `spark.hadoop.fs.azure.account.key.acmelake.dfs.core.windows.net  ${storageKey("spark")}`,
          `spark.conf.set("fs.azure.account.key.acmelake.dfs.core.windows.net", "${storageKey("notebook")}")`,
        ],
        valid: [
          `<name>fs.azure.account.key.devstoreaccount1.blob.core.windows.net</name>\n<value>${AZURITE_KEY}</value>`,
          "fs.azure.account.key.acme.dfs.core.windows.net={{secrets/lake/key}}",
          'spark.conf.set("fs.azure.account.key.acme.dfs.core.windows.net", dbutils.secrets.get(scope="lake", key="key"))',
        ],
      };
    },
  }),

  // Shared access signatures: a query string with the service version
  // (sv=YYYY-MM-DD) and the HMAC signature (sig=, base64, URL-encoded).
  custom({
    id: "azure-sas-token",
    description: "Azure shared access signature (SAS) token with its signature (sv=…&sig=…)",
    kind: "token",
    severity: "high",
    docs: "https://learn.microsoft.com/rest/api/storageservices/create-service-sas",
    keywords: ["sig="],
    pattern: /sv=20\d\d-\d\d-\d\d(?:&(?:amp;)?[A-Za-z]{1,10}=[^&\s"'<>]{0,120}){0,12}&(?:amp;)?sig=(?<secret>[A-Za-z0-9%+/]{40,120}(?:=|%3D){0,2})(?![A-Za-z0-9%+/=])/i,
    entropy: 4,
    get examples() {
      return {
        invalid: [
          `BLOB_SAS_URL="https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=${fake(ALNUM, 40, "sas")}%2B${fake(ALNUM, 3, "sas")}%3D"`,
          // In XML the `&` of the query is written `&amp;` (web.config appSettings).
          `<add key="BlobSas" value="https://acme.blob.core.windows.net/up?sv=2022-11-02&amp;ss=b&amp;sp=rw&amp;se=2030-01-01T00:00:00Z&amp;sig=${fake(ALNUM, 40, "sas3")}%3D" />`,
        ],
        valid: [
          `BLOB_SAS_URL="https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=<signature>"`,
          "sv=2022-11-02&sig=${SAS_SIGNATURE}",
        ],
      };
    },
  }),

  // Microsoft Entra ID (Azure AD) client secrets created since 2022: 40
  // characters, the 4th a digit then "Q~" (3 + digit + Q~ + 34).
  custom({
    id: "azure-ad-client-secret",
    description: "Microsoft Entra ID (Azure AD) application client secret (…Q~…)",
    kind: "api-key",
    severity: "critical",
    docs: "https://learn.microsoft.com/entra/identity-platform/howto-create-service-principal-portal",
    keywords: keywordsWith("q~", "0123456789", true),
    pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `AZURE_CLIENT_SECRET=${fake(ALNUM, 3, "aad")}8Q~${fake(ALNUM + "_~.-", 34, "aad")}`,
          `"ClientSecret": "${fake(ALNUM, 3, "aad2")}7Q~${fake(ALNUM + "_~.-", 34, "aad2")}"`,
        ],
        valid: ["AZURE_CLIENT_SECRET=abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", `AZURE_CLIENT_SECRET=${fake(ALNUM, 3, "aad3")}8Q~${fake(ALNUM, 12, "aad3")}`],
      };
    },
  }),

  // Service Bus, Event Hubs, IoT Hub and Relay: `SharedAccessKey=` + a 256-bit
  // key in base64 (44 characters).
  custom({
    id: "azure-shared-access-key",
    description: "Azure Service Bus / Event Hubs / IoT Hub shared access key (SharedAccessKey=…)",
    kind: "connection-string",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas",
    keywords: ["sharedaccesskey"],
    pattern: /SharedAccessKey\s{0,2}=\s{0,2}(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/i,
    entropy: 4,
    get examples() {
      return {
        invalid: [
          `SERVICEBUS_CONNECTION="Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake(B64, 43, "sb")}="`,
        ],
        valid: ['SERVICEBUS_CONNECTION="Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>"'],
      };
    },
  }),

  // SignalR Service and Web PubSub connection strings: `Endpoint=https://<name>.service.signalr.net;AccessKey=…`
  // (https://learn.microsoft.com/azure/azure-signalr/concept-connection-string): the access key signs every
  // client and server token of the service.
  custom({
    id: "azure-signalr-access-key",
    description: "Azure SignalR Service / Web PubSub access key in a connection string (AccessKey=…)",
    kind: "connection-string",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/azure-signalr/concept-connection-string",
    keywords: ["accesskey="],
    pattern: /Endpoint=https?:\/\/[A-Za-z0-9-]{1,63}\.(?:service\.signalr\.net|webpubsub\.azure\.com)(?::\d{1,5})?\/?;[ \t]{0,2}AccessKey=(?<secret>[A-Za-z0-9+/]{40,90}={0,2})(?![A-Za-z0-9+/=])/i,
    entropy: 4,
    get examples() {
      return {
        invalid: [
          `Azure__SignalR__ConnectionString="Endpoint=https://chat-prod.service.signalr.net;AccessKey=${fake(B64, 43, "signalr")}=;Version=1.0;"`,
          `WEBPUBSUB_CONNECTION_STRING=Endpoint=https://live.webpubsub.azure.com;AccessKey=${fake(B64, 43, "webpubsub")}=;Version=1.0;`,
        ],
        valid: ['Azure__SignalR__ConnectionString="Endpoint=https://chat-prod.service.signalr.net;AccessKey=<access-key>;Version=1.0;"', "Endpoint=https://chat-prod.service.signalr.net;AuthType=azure.msi;Version=1.0;"],
      };
    },
  }),

  // App Configuration connection strings: Endpoint=…azconfig.io;Id=…;Secret=….
  custom({
    id: "azure-app-configuration-connection-string",
    description: "Azure App Configuration connection string secret (…azconfig.io;Id=…;Secret=…)",
    kind: "connection-string",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/azure-app-configuration/howto-best-practices",
    keywords: ["azconfig.io"],
    pattern: /\.azconfig\.io;Id=[^;\s"']{1,80};Secret=(?<secret>[A-Za-z0-9+/]{40,90}={0,2})(?![A-Za-z0-9+/=])/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`APP_CONFIG="Endpoint=https://acme.azconfig.io;Id=${fake(ALNUM, 12, "ac")};Secret=${fake(B64, 43, "ac")}="`],
        valid: ['APP_CONFIG="Endpoint=https://acme.azconfig.io;Id=abc;Secret=<secret>"'],
      };
    },
  }),

  // Function keys in a function URL: …azurewebsites.net/api/<fn>?code=<key>.
  custom({
    id: "azure-function-key",
    description: "Azure Functions access key in a function URL (?code=…)",
    kind: "api-key",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/azure-functions/function-keys-how-to",
    keywords: ["azurewebsites.net"],
    pattern: /\.azurewebsites\.net\/api\/[A-Za-z0-9_/-]{1,100}\?(?:[A-Za-z_-]{1,20}=[^&\s"'#]{0,100}&){0,5}code=(?<secret>[A-Za-z0-9_-]{40,100}(?:==?|%3D%3D|%3D)?)(?![A-Za-z0-9_%=-])/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`WEBHOOK=https://acme-fn.azurewebsites.net/api/ingest?code=${fake(B64URL, 54, "fn")}==`],
        valid: ["WEBHOOK=https://acme-fn.azurewebsites.net/api/ingest?code=<function-key>", "WEBHOOK=https://acme-fn.azurewebsites.net/api/ingest"],
      };
    },
  }),

  // Azure DevOps personal access tokens: since 2024 84 characters with the
  // "AZDO" signature near the end (positions 76-80; sources differ by one on
  // where it starts, so both are accepted and the total length is checked);
  // before, 52 characters of base32.
  custom({
    id: "azure-devops-pat",
    description: "Azure DevOps personal access token (84-character format with the AZDO signature)",
    kind: "token",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
    keywords: ["azdo"],
    pattern: /(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{75,76}AZDO[A-Za-z0-9]{4,5})(?![A-Za-z0-9])/,
    entropy: 4,
    validate: (s) => s.length === 84,
    get examples() {
      return {
        invalid: [`AZURE_DEVOPS_EXT_PAT=${fake(ALNUM, 76, "ado")}AZDO${fake(ALNUM, 4, "ado")}`, `ADO_TOKEN=${fake(ALNUM, 75, "ado2")}AZDO${fake(ALNUM, 5, "ado2")}`],
        valid: [`AZURE_DEVOPS_EXT_PAT=${"A".repeat(76)}AZDO${"A".repeat(4)}`, `AZURE_DEVOPS_EXT_PAT=${fake(ALNUM, 60, "ado")}AZDO${fake(ALNUM, 4, "ado")}`],
      };
    },
  }),
  assigned({
    id: "azure-devops-pat-legacy",
    description: "Azure DevOps personal access token, legacy 52-character format, assigned to an Azure DevOps name",
    kind: "token",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
    names: "azure[_.-]?devops|azdo|vsts|ado[_.-]?(?:pat|token)",
    value: "[a-z2-7]{52}",
    keywords: ["devops", "azdo", "vsts", "ado_pat", "ado_token"],
    entropy: 3.5,
    get sample() { return fake("abcdefghijklmnopqrstuvwxyz234567", 52, "ado-legacy"); },
    env: "AZURE_DEVOPS_PAT",
  }),

  // Azure OpenAI / Cognitive Services keys: 32 hex characters, no prefix.
  assigned({
    id: "azure-openai-api-key",
    description: "Azure OpenAI / Azure AI services key assigned to an Azure OpenAI or cognitive-services name",
    kind: "api-key",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/ai-services/openai/reference#authentication",
    names: "azure[_.-]?(?:openai|cognitive|ai)|aoai|cognitive[_.-]?services",
    value: "[a-f0-9]{32}",
    keywords: ["azure", "aoai", "cognitive"],
    get sample() { return fake(HEX, 32, "aoai"); },
    env: "AZURE_OPENAI_API_KEY",
  }),
  // Azure Data Factory / Synapse self-hosted integration runtime auth keys:
  // "IR@" + runtime GUID + "@" + factory name + "@" + region + "@" + 44 base64 (gitleaks datafactory-shir-token).
  custom({
    id: "azure-data-factory-shir-key",
    description: "Azure Data Factory self-hosted integration runtime auth key (IR@…)",
    kind: "cloud-credential",
    severity: "high",
    docs: "https://learn.microsoft.com/azure/data-factory/create-self-hosted-integration-runtime",
    keywords: ["ir@"],
    pattern: /(?<![A-Za-z0-9@])(?<secret>IR@[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}@[A-Za-z0-9_.-]{1,100}@[A-Za-z0-9-]{1,40}@[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`AUTH_KEY=IR@${uuid("shir")}@adf-orders-prod@we@${fake(B64, 43, "shir")}=`, `"authKey": "IR@${uuid("shir2")}@synapse-ws@eastus@${fake(B64, 43, "shir2")}="`],
        valid: ["AUTH_KEY=IR@<runtime-guid>@<factory>@<region>@<key>", `IR@${uuid("shir3")}@adf@we@${"A".repeat(43)}=`],
      };
    },
  }),
];
