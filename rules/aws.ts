import type { Rule } from "../src/scan/types.js";
import { assigned, custom, prefixed } from "./build.js";
import { B64, BASE32, HEX, LOWER_ALNUM, fake, uuid } from "./fake.js";
import { isRealPassword } from "./passwords.js";

const IAM_IDS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids";

// AWS unique ids: a 4-letter prefix naming the resource type, then 16
// characters of RFC 4648 base32 (A-Z, 2-7). AKIA = long-term access key,
// ASIA = temporary (STS) access key, ABIA = STS service bearer token,
// ACCA = context-specific credential (IAM User Guide, "Unique identifiers").
const keyId = (id: string, prefix: string, description: string, severity: Rule["severity"]): Rule =>
  prefixed({
    id,
    description,
    kind: "cloud-credential",
    severity,
    docs: IAM_IDS,
    prefix,
    body: "[A-Z2-7]{16}",
    boundary: "A-Za-z0-9",
    get sample() { return prefix + fake(BASE32, 16, id); },
    env: "AWS_ACCESS_KEY_ID",
    get invalid() { return [`[default]\naws_access_key_id = ${prefix + fake(BASE32, 16, `${id}2`)}\n`]; },
    // The IAM documentation's own example id.
    valid: ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE"],
  });

export const rules: Rule[] = [
  // Pre-signed URLs (SigV4 in the query string): X-Amz-Credential=<key id>/<date>/<region>/<service>/aws4_request
  // … X-Amz-Signature=<64 hex>. Whoever holds the URL performs the signed request (download, upload) until
  // X-Amz-Expires runs out, up to 7 days, and it cannot be revoked short of disabling the key
  // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html): a bearer credential
  // while it lives, which names the access key id it was signed with. Only a URL signed with a long-term
  // key (AKIA) counts: one signed with session credentials (ASIA, with X-Amz-Security-Token) dies with the
  // session, within hours (the image links that Notion and other SaaS exports paste into READMEs are
  // these). Parameters may be split over the lines of a concatenation, so the credential may stand up to
  // 600 characters before the signature. The S3 documentation's example (AKIAIOSFODNN7EXAMPLE) is not one.
  custom({
    id: "aws-presigned-url-signature",
    description: "AWS pre-signed URL signature (X-Amz-Signature with its X-Amz-Credential), valid until the URL expires",
    kind: "token",
    severity: "medium",
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html",
    keywords: ["x-amz-signature="],
    pattern: /X-Amz-Credential=(?![A-Z0-9]{0,20}EXAMPLE)AKIA[A-Z2-7]{16}(?:%2F|\/)[\s\S]{0,600}?X-Amz-Signature=(?<secret>[0-9a-f]{64})(?![0-9A-Za-z])/,
    entropy: 3.2,
    get examples() {
      const id = "AKIA" + fake(BASE32, 16, "presign");
      return {
        invalid: [
          `https://acme-exports.s3.eu-central-1.amazonaws.com/q4.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${id}%2F20260110%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Date=20260110T091500Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=${fake(HEX, 64, "presign")}`,
          `url = ("https://acme.s3.amazonaws.com/a.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"\n    "&X-Amz-Credential=${id}%2F20260110%2Feu-central-1%2Fs3%2Faws4_request"\n    "&X-Amz-Date=20260110T091500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"\n    "&X-Amz-Signature=${fake(HEX, 64, "presign2")}")`,
        ],
        valid: [
          "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
          `X-Amz-Signature=${fake(HEX, 64, "presign3")}`,
          `https://prod-files-secure.s3.us-west-2.amazonaws.com/a/b/image.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA${fake(BASE32, 16, "presign4")}%2F20250101%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Date=20250101T000000Z&X-Amz-Expires=3600&X-Amz-Security-Token=${fake(B64, 40, "presign4")}&X-Amz-Signature=${fake(HEX, 64, "presign4")}&X-Amz-SignedHeaders=host`,
        ],
      };
    },
  }),
  keyId("aws-access-key-id", "AKIA", "AWS long-term access key id (AKIA…), half of an IAM user's key pair", "critical"),
  keyId("aws-temporary-access-key-id", "ASIA", "AWS temporary access key id (ASIA…) issued by STS", "high"),
  keyId("aws-sts-bearer-key-id", "ABIA", "AWS STS service bearer token id (ABIA…)", "high"),
  keyId("aws-context-credential-id", "ACCA", "AWS context-specific credential id (ACCA…)", "high"),

  // The secret access key: 40 characters of base64 alphabet with no prefix
  // (IAM User Guide, "Managing access keys"), so only found as the value of a
  // name that says so: aws_secret_access_key, AWS_SECRET, SecretAccessKey.
  assigned({
    id: "aws-secret-access-key",
    description: "AWS secret access key assigned to an AWS/secret-access-key name",
    kind: "cloud-credential",
    severity: "critical",
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    names: "aws[\\w.-]{0,20}?secret|secret[_.-]?access[_.-]?key",
    value: "[A-Za-z0-9/+]{40}",
    keywords: ["aws", "secretaccesskey", "secret_access_key", "secret-access-key"],
    entropy: 4,
    get sample() { return fake(B64, 40, "aws-secret"); },
    env: "AWS_SECRET_ACCESS_KEY",
    get invalid() {
      return [
        `[default]\naws_access_key_id = AKIA${fake(BASE32, 16, "x")}\naws_secret_access_key = ${fake(B64, 40, "aws-secret-2")}\n`,
        `s3 = boto3.client("s3", aws_secret_access_key="${fake(B64, 40, "aws-secret-3")}")`,
      ];
    },
    valid: [
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
    ],
  }),

  // A key pair written without names: the credentials CSV the IAM console
  // downloads ("Access key ID,Secret access key" then "AKIA…,<secret>") or
  // positional arguments (new Credentials("AKIA…", "<secret>")). The secret is
  // the 40 characters that follow the key id within a few separators.
  custom({
    id: "aws-secret-access-key-pair",
    description: "AWS secret access key right after its access key id (credentials CSV, positional arguments)",
    kind: "cloud-credential",
    severity: "critical",
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    keywords: ["akia", "asia"],
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}["']?[ \t]{0,4}[,;|:\t][ \t]{0,4}["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
    entropy: 4,
    get examples() {
      return {
        invalid: [
          `User name,Password,Access key ID,Secret access key\ndeploy,,AKIA${fake(BASE32, 16, "csv")},${fake(B64, 40, "csv")}\n`,
          `const creds = new AWS.Credentials("AKIA${fake(BASE32, 16, "pos")}", "${fake(B64, 40, "pos")}");`,
        ],
        valid: ["AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", `AKIA${fake(BASE32, 16, "csv2")},${"A".repeat(40)}`],
      };
    },
  }),

  // Session tokens returned by STS AssumeRole/GetSessionToken: long base64
  // strings (hundreds of characters) sent as X-Amz-Security-Token.
  assigned({
    id: "aws-session-token",
    description: "AWS session token (STS temporary credentials) assigned to a session-token name",
    kind: "cloud-credential",
    severity: "high",
    docs: "https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html",
    names: "aws[_.-]?session[_.-]?token|x-amz-security-token|sessiontoken",
    value: "[A-Za-z0-9/+]{100,2000}={0,2}",
    keywords: ["session_token", "sessiontoken", "security-token", "session-token"],
    entropy: 4.5,
    fixedLength: false,
    get sample() { return "IQoJb3JpZ2luX2Vj" + fake(B64, 300, "aws-session"); },
    env: "AWS_SESSION_TOKEN",
  }),

  // Amazon Bedrock long-term API keys: "ABSK" + base64("BedrockAPIKey-…").
  prefixed({
    id: "aws-bedrock-api-key",
    description: "Amazon Bedrock long-term API key (ABSK…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html",
    prefix: "ABSKQmVkcm9ja0FQSUtleS",
    // base64 of "BedrockAPIKey-<id>-at-<account>:<secret>": 60 characters and more after the prefix.
    body: "[A-Za-z0-9+/]{60,300}={0,2}",
    boundary: "A-Za-z0-9+/=",
    fixedLength: false,
    get sample() { return "ABSKQmVkcm9ja0FQSUtleS" + fake(B64, 132, "bedrock"); },
    env: "AWS_BEARER_TOKEN_BEDROCK",
  }),

  // Amazon Bedrock short-term API keys: "bedrock-api-key-" + base64 of a presigned
  // "bedrock.amazonaws.com/?Action=CallWithBearerToken&…" URL (valid up to 12 hours, but a live
  // credential while it lasts; https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html).
  prefixed({
    id: "aws-bedrock-short-term-api-key",
    description: "Amazon Bedrock short-term API key (bedrock-api-key-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html",
    // "YmVkcm9jay5hbWF6b25hd3MuY29t" is base64 of "bedrock.amazonaws.com".
    prefix: "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t",
    body: "[A-Za-z0-9+/]{100,6000}={0,2}",
    keywords: ["bedrock-api-key-"],
    boundary: "A-Za-z0-9+/=",
    fixedLength: false,
    get sample() { return "bedrock-api-key-" + Buffer.from(`bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA${fake(BASE32, 16, "bedrock-st")}%2F20250101%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Security-Token=${fake(B64, 200, "bedrock-st2")}&X-Amz-Signature=${fake(HEX, 64, "bedrock-st3")}&Version=1`).toString("base64"); },
    env: "AWS_BEARER_TOKEN_BEDROCK",
  }),

  // Amazon Marketplace Web Service auth token: "amzn.mws." + UUID.
  prefixed({
    id: "aws-mws-auth-token",
    description: "Amazon Marketplace Web Service (MWS) auth token",
    kind: "token",
    severity: "high",
    docs: "https://developer-docs.amazon.com/sp-api/docs/mws-auth-token",
    prefix: "amzn.mws.",
    body: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    get sample() { return "amzn.mws." + uuid("mws"); },
    env: "MWS_AUTH_TOKEN",
  }),

  // AppSync API keys: "da2-" + 26 lower-case base32-ish characters.
  prefixed({
    id: "aws-appsync-api-key",
    description: "AWS AppSync GraphQL API key (da2-…)",
    kind: "api-key",
    severity: "medium",
    docs: "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization",
    prefix: "da2-",
    body: "[a-z0-9]{26}",
    get sample() { return "da2-" + fake(LOWER_ALNUM, 26, "appsync"); },
    env: "APPSYNC_API_KEY",
  }),
  // CloudFormation/SAM parameters marked `NoEcho: true` are the template's secrets; a `Default:` on
  // one puts the value in the template itself, which AWS warns against ("we strongly recommend that you
  // don't use the NoEcho attribute with a default value for sensitive information":
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
  // YAML, keys at one indentation in either order, up to 8 lines apart.
  custom({
    id: "cloudformation-noecho-default",
    description: "Default value of a CloudFormation/SAM parameter marked NoEcho (a secret in the template)",
    kind: "password",
    severity: "high",
    docs: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html",
    // With its colon: API models spell the property `"NoEcho":` (aws-sdk's JSON and bundles), a template `NoEcho:`.
    keywords: ["noecho:"],
    pattern:
      /^(?<i>[ \t]{2,16})(?:NoEcho:[ \t]{0,4}["']?true["']?[ \t]{0,4}\r?\n(?:\k<i>[A-Za-z][^\n]{0,200}\n){0,8}?\k<i>|(?=Default:[^\n]{0,220}\n(?:\k<i>[A-Za-z][^\n]{0,200}\n){0,8}?\k<i>NoEcho:[ \t]{0,4}["']?true))Default:[ \t]{0,4}(?<q>["']?)(?<secret>[^\s"'#][^\s"']{3,200})\k<q>[ \t]{0,4}$/m,
    validate: isRealPassword,
    get examples() {
      return {
        invalid: [
          `Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n    Default: ${fake(B64, 20, "noecho").replace(/[+/]/g, "x")}\n`,
          `Parameters:\n  ApiToken:\n    Default: "${fake(B64, 24, "noecho2").replace(/[+/]/g, "x")}"\n    Type: String\n    NoEcho: 'true'\n`,
        ],
        valid: ["Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n    MinLength: 12\n", "Parameters:\n  Env:\n    Type: String\n    Default: production\n  DbPassword:\n    Type: String\n    NoEcho: true\n", "Parameters:\n  DbPassword:\n    NoEcho: true\n    Default: '{{resolve:secretsmanager:prod/db:SecretString:password}}'\n"],
      };
    },
  }),
];
