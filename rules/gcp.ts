import type { Rule } from "../src/scan/types.js";
import { custom, prefixed } from "./build.js";
import { ALNUM, B64URL, HEX, fake, pemBody } from "./fake.js";

const keyJson = (seed: string): string =>
  JSON.stringify(
    {
      type: "service_account",
      project_id: "demo-project",
      private_key_id: fake("0123456789abcdef", 40, seed),
      private_key: `-----BEGIN PRIVATE KEY-----\n${pemBody(8, seed)}\n-----END PRIVATE KEY-----\n`,
      client_email: "svc@demo-project.iam.gserviceaccount.com",
    },
    null,
    2,
  );

export const rules: Rule[] = [
  // Cloud Storage V4 signed URLs: X-Goog-Credential=<service account>/<date>/<region>/storage/goog4_request
  // … X-Goog-Signature=<hex RSA signature (512 hex for a 2048-bit key) or HMAC (64 hex)>. Like S3's
  // pre-signed URLs, "anyone who is in possession of the signed URL can use it to perform specified actions"
  // until it expires, up to 7 days (https://cloud.google.com/storage/docs/access-control/signed-urls).
  // Google's documented example's account is example@example-project.
  custom({
    id: "gcs-signed-url-signature",
    description: "Google Cloud Storage V4 signed URL signature (X-Goog-Signature with its X-Goog-Credential), valid until the URL expires",
    kind: "token",
    severity: "medium",
    docs: "https://cloud.google.com/storage/docs/access-control/signed-urls",
    keywords: ["x-goog-signature="],
    pattern: /X-Goog-Credential=(?!example(?:%40|@))(?![^&\s"']{0,80}example-project)[^&\s"'/]{10,300}(?:%2F|\/)[\s\S]{0,600}?X-Goog-Signature=(?<secret>[0-9a-f]{64,1024})(?![0-9A-Za-z])/,
    entropy: 3.2,
    get examples() {
      return {
        invalid: [`export const GCS_LINK = "https://storage.googleapis.com/exports/q4.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=exporter%40proj-42.iam.gserviceaccount.com%2F20260110%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20260110T091500Z&X-Goog-Expires=604800&X-Goog-SignedHeaders=host&X-Goog-Signature=${fake(HEX, 512, "gcs")}"`],
        valid: [`https://storage.googleapis.com/example-bucket/cat.jpeg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=example%40example-project.iam.gserviceaccount.com%2F20181026%2Fus-central1%2Fstorage%2Fgoog4_request&X-Goog-Date=20181026T181309Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=${fake(HEX, 512, "gcs-doc")}`],
      };
    },
  }),
  // Service account key files are JSON with "type": "service_account" and the
  // PKCS#8 key as a JSON string, newlines escaped as \n
  // (https://cloud.google.com/iam/docs/keys-create-delete). The secret is the
  // whole PEM string inside the JSON.
  custom({
    id: "gcp-service-account-key",
    description: "Google Cloud service account private key inside a JSON key file",
    kind: "private-key",
    severity: "critical",
    docs: "https://cloud.google.com/iam/docs/keys-create-delete",
    keywords: ["private_key"],
    pattern:
      /"private_key"\s{0,4}:\s{0,4}"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\[rn])+[A-Za-z0-9+/=\\]{64,12000}-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"/,
    get examples() {
      return {
        invalid: [keyJson("sa-1"), `{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\n${pemBody(4, "sa-2").replace(/\n/g, "\\n")}\\n-----END PRIVATE KEY-----\\n"}`],
        valid: [
          `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}`,
          `{"type": "service_account", "private_key": ""}`,
        ],
      };
    },
  }),

  // API keys: "AIza" + 35 characters of [0-9A-Za-z_-] (39 in all); used by
  // Maps, Firebase, Gemini and other Google APIs.
  prefixed({
    id: "gcp-api-key",
    description: "Google API key (AIza…): Maps, Firebase, Gemini and other Google Cloud APIs",
    kind: "api-key",
    severity: "high",
    docs: "https://cloud.google.com/docs/authentication/api-keys",
    prefix: "AIza",
    body: "[0-9A-Za-z_-]{35}",
    get sample() { return "AIza" + fake(B64URL, 35, "gcp-api"); },
    env: "GOOGLE_API_KEY",
    get invalid() { return [`<meta name="maps-key" content="AIza${fake(B64URL, 35, "gcp-api-2")}">`]; },
  }),

  // OAuth client secrets created since 2021: "GOCSPX-" + 28 characters.
  prefixed({
    id: "gcp-oauth-client-secret",
    description: "Google OAuth 2.0 client secret (GOCSPX-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://developers.google.com/identity/protocols/oauth2",
    prefix: "GOCSPX-",
    body: "[A-Za-z0-9_-]{28}",
    get sample() { return "GOCSPX-" + fake(B64URL, 28, "gocspx"); },
    env: "GOOGLE_CLIENT_SECRET",
  }),

  // OAuth 2.0 access tokens issued by Google: "ya29." + url-safe characters.
  prefixed({
    id: "google-oauth-access-token",
    description: "Google OAuth 2.0 access token (ya29.…)",
    kind: "token",
    severity: "high",
    docs: "https://developers.google.com/identity/protocols/oauth2",
    prefix: "ya29.",
    body: "[0-9A-Za-z_-]{30,2000}",
    fixedLength: false,
    get sample() { return "ya29." + fake(B64URL, 160, "ya29"); },
    env: "GOOGLE_ACCESS_TOKEN",
  }),

  // OAuth 2.0 refresh tokens issued by Google start with "1//0" (the
  // "1//" version marker then a region digit).
  prefixed({
    id: "google-oauth-refresh-token",
    description: "Google OAuth 2.0 refresh token (1//0…)",
    kind: "token",
    severity: "high",
    docs: "https://developers.google.com/identity/protocols/oauth2#expiration",
    prefix: "1//0",
    body: "[0-9A-Za-z_-]{40,500}",
    boundary: "A-Za-z0-9_/-",
    fixedLength: false,
    get sample() { return "1//0" + fake(B64URL, 99, "refresh"); },
    env: "GOOGLE_REFRESH_TOKEN",
  }),

  // Legacy FCM server keys: "AAAA" + 7 characters + ":APA91b" + 134.
  prefixed({
    id: "firebase-cloud-messaging-server-key",
    description: "Firebase Cloud Messaging legacy server key (AAAA…:APA91b…)",
    kind: "api-key",
    severity: "high",
    docs: "https://firebase.google.com/docs/cloud-messaging/auth-server",
    prefix: "AAAA",
    body: "[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}",
    keywords: ["apa91b"],
    get sample() { return "AAAA" + fake(ALNUM, 7, "fcm") + ":APA91b" + fake(B64URL, 134, "fcm"); },
    env: "FCM_SERVER_KEY",
  }),
  // A service account key file's `private_key_id` (40 hex) names the key pair and is what
  // `gcloud iam service-accounts keys disable/delete` takes: reported next to the private key it
  // belongs to, so the finding points at the key to revoke
  // (https://cloud.google.com/iam/docs/keys-create-delete#deleting).
  custom({
    id: "gcp-service-account-key-id",
    description: "Google Cloud service account private_key_id (the key to revoke) next to its private key",
    kind: "cloud-credential",
    severity: "high",
    docs: "https://cloud.google.com/iam/docs/keys-create-delete",
    keywords: ["private_key_id"],
    pattern: /"private_key_id"[ \t]{0,4}:[ \t]{0,4}"(?<secret>[a-f0-9]{40})"(?=[ \t]{0,4},[ \t\r\n]{0,20}"private_key"[ \t]{0,4}:[ \t]{0,4}"-----BEGIN )/,
    get examples() {
      return {
        invalid: [keyJson("sa-id")],
        valid: [`{"private_key_id": "${fake("0123456789abcdef", 40, "sa-id-2")}", "note": "key was deleted"}`, `{"type": "service_account", "private_key_id": "${fake("0123456789abcdef", 40, "sa-id-3")}", "private_key": ""}`],
      };
    },
  }),
];
