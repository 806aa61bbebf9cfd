import type { Rule } from "../src/scan/types.js";
import { looksLikeIdentifier } from "../src/scan/entropy.js";
import { decodeBase64 } from "../src/scan/checksum.js";
import { assigned, custom, keywordsWith, prefixed, withProperties } from "./build.js";
import { ALNUM, B64URL, BASE32, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, base64url, fake, uuid } from "./fake.js";

const SLACK_TOKENS = "https://api.slack.com/concepts/token-types";

// Slack tokens: "xox" + type letter + "-" + dash-separated numeric ids and a
// random part (https://api.slack.com/concepts/token-types). b = bot, p =
// user, a = workspace app (legacy), r = refresh, e = config refresh.
const slackToken = (seed: string, type: string): string =>
  `xox${type}-${fake(DIGITS, 12, seed)}-${fake(DIGITS, 13, seed)}-${fake(ALNUM, 24, seed)}`;

// Workspace-app (a) and refresh (r) tokens also come as a version digit and one random
// part, `xoxa-2-` + 20-48 alphanumerics (gitleaks slack-legacy-workspace-token).
const SLACK_NUMERIC = "[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9-]{20,64}";
const slack = (id: string, type: string, description: string, env: string): Rule =>
  prefixed({
    id,
    description,
    kind: "token",
    severity: "critical",
    docs: SLACK_TOKENS,
    prefix: `xox${type}-`,
    body: type === "a" || type === "r" ? `(?:[0-9]-)?(?:${SLACK_NUMERIC}|[A-Za-z0-9]{20,48})` : SLACK_NUMERIC,
    fixedLength: false,
    entropy: 3.5,
    get sample() { return slackToken(id, type); },
    env,
    ...(type === "a" || type === "r" ? { invalid: [`${env}=xox${type}-2-${fake(ALNUM, 40, `${id}-v2`)}`] } : {}),
  });

// A Discord bot token: base64(user id) "." base64(timestamp) "." HMAC.
const discordToken = (seed: string): string =>
  `${base64url(fake(DIGITS, 18, seed).replace(/^0/, "1"))}.${fake(B64URL, 6, seed)}.${fake(B64URL, 38, seed)}`;

// The first three characters of base64(a snowflake id): the first digit (1-9) gives
// MT Mj Mz ND NT Nj Nz OD OT, the second one of AEIMQUYcgk (lower-cased: keywords are).
const DISCORD_ID_HEADS = ["mt", "mj", "mz", "nd", "nt", "nj", "nz", "od", "ot"].flatMap((h) => [..."aeimquycgk"].map((c) => h + c));

export const rules: Rule[] = [
  // Agora's App Certificate (and the RESTful API's customer secret) signs every RTC/RTM token of the app
  // (https://docs.agora.io/en/video-calling/get-started/manage-agora-account#get-the-app-certificate); it is 32
  // hex like the public App ID beside it, so only under a name that says certificate or secret.
  assigned({ id: "agora-app-certificate", description: "Agora App Certificate / customer secret (32 hex) assigned to an Agora name", kind: "api-key", severity: "high", docs: "https://docs.agora.io/en/video-calling/get-started/manage-agora-account", names: "agora[_.-]?(?:app|customer)[_.-]?(?:certificate|cert|secret)", value: "[a-f0-9]{32}", keywords: ["agora"], entropy: 3.2, get sample() { return fake(HEX, 32, "agora"); }, env: "AGORA_APP_CERTIFICATE", valid: [`AGORA_APP_ID=${fake(HEX, 32, "agora-id")}`] }),
  slack("slack-bot-token", "b", "Slack bot token (xoxb-…)", "SLACK_BOT_TOKEN"),
  slack("slack-user-token", "p", "Slack user token (xoxp-…)", "SLACK_USER_TOKEN"),
  slack("slack-workspace-app-token", "a", "Slack legacy workspace app token (xoxa-…)", "SLACK_APP_TOKEN"),
  slack("slack-refresh-token", "r", "Slack refresh token (xoxr-…)", "SLACK_REFRESH_TOKEN"),
  // App-level tokens: "xapp-" + digit + "-" + app id + "-" + numeric + "-" + 64 hex.
  prefixed({
    id: "slack-app-level-token",
    description: "Slack app-level token (xapp-…)",
    kind: "token",
    severity: "high",
    docs: SLACK_TOKENS,
    prefix: "xapp-",
    body: "\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{64}",
    get sample() { return `xapp-1-${fake(UPPER_ALNUM, 11, "xapp")}-${fake(DIGITS, 13, "xapp")}-${fake(HEX, 64, "xapp")}`; },
    env: "SLACK_APP_TOKEN",
  }),
  // Legacy workspace tokens "xoxs-" / "xoxo-" (gitleaks slack-legacy-token): numeric ids then hex.
  prefixed({
    id: "slack-legacy-token",
    description: "Slack legacy workspace token (xoxs-/xoxo-…)",
    kind: "token",
    severity: "high",
    docs: SLACK_TOKENS,
    prefix: "xox",
    body: "[os]-\\d{6,14}-\\d{6,14}-\\d{6,14}-[a-fA-F0-9]{20,64}",
    keywords: ["xoxs-", "xoxo-"],
    fixedLength: false,
    get sample() { return `xoxs-${fake(DIGITS, 10, "xoxs")}-${fake(DIGITS, 10, "xoxs2")}-${fake(DIGITS, 10, "xoxs3")}-${fake(HEX, 64, "xoxs")}`; },
    env: "SLACK_LEGACY_TOKEN",
  }),
  // Configuration tokens: "xoxe.xoxp-1-" + long random; their refresh tokens "xoxe-1-".
  prefixed({
    id: "slack-configuration-token",
    description: "Slack app configuration access token (xoxe.xoxp-…)",
    kind: "token",
    severity: "high",
    docs: "https://api.slack.com/authentication/config-tokens",
    prefix: "xoxe.xox",
    body: "[bp]-\\d-[A-Za-z0-9]{140,200}",
    fixedLength: false,
    get sample() { return "xoxe.xoxp-1-" + fake(ALNUM, 163, "xoxe"); },
    env: "SLACK_CONFIG_TOKEN",
  }),
  prefixed({
    id: "slack-configuration-refresh-token",
    description: "Slack app configuration refresh token (xoxe-…)",
    kind: "token",
    severity: "high",
    docs: "https://api.slack.com/authentication/config-tokens",
    prefix: "xoxe-",
    body: "\\d-[A-Za-z0-9]{140,200}",
    fixedLength: false,
    get sample() { return "xoxe-1-" + fake(ALNUM, 146, "xoxe-r"); },
    env: "SLACK_CONFIG_REFRESH_TOKEN",
  }),
  // Incoming webhooks: https://hooks.slack.com/services/T…/B…/<secret>. Slack issues 24 alphanumerics
  // today, but the length is not part of any contract: gitleaks takes 43–56 characters for the whole
  // path and trufflehog 44–46, so a last part of 20–32 is taken (a URL to the hooks host with
  // workspace and channel ids has no other meaning).
  // Synapse (Matrix homeserver) access and refresh tokens: "syt_"/"syr_", the user's localpart in
  // unpadded base64, a random part of 20 letters (Synapse's random_string; digits allowed here, they cost
  // nothing against the prefix), and a 6-character base-62 CRC32 of the rest
  // (synapse/handlers/auth.py, generate_access_token). An access token acts as
  // the user: read every room, post, and for an admin, the admin API.
  custom({
    id: "matrix-synapse-access-token",
    description: "Matrix Synapse access or refresh token (syt_… / syr_…)",
    kind: "token",
    severity: "high",
    docs: "https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html",
    keywords: ["syt_", "syr_"],
    pattern: /(?<![A-Za-z0-9_])(?<secret>sy[tr]_[A-Za-z0-9+/-]{2,340}_[A-Za-z0-9]{20}_[0-9A-Za-z]{6})(?![A-Za-z0-9_])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `MATRIX_ACCESS_TOKEN=syt_${base64url("alertbot")}_${fake(ALNUM, 20, "syt")}_${fake(ALNUM, 6, "sytc")}`,
          `"body": "admin token: syt_${base64url("admin")}_${fake(ALNUM, 20, "syt2")}_${fake(ALNUM, 6, "syt2c")}"`,
        ],
        valid: ["MATRIX_ACCESS_TOKEN=syt_<token>", `access_token: syt_${base64url("bot")}_${"a".repeat(20)}_${"a".repeat(6)}`],
      };
    },
  }),
  custom({
    id: "slack-webhook-url",
    description: "Slack incoming webhook URL (hooks.slack.com/services/…)",
    kind: "webhook",
    severity: "medium",
    docs: "https://api.slack.com/messaging/webhooks",
    keywords: ["hooks.slack.com"],
    pattern: /(?<secret>https?:\/\/hooks\.slack\.com\/services\/[A-Z0-9]{8,12}\/[A-Z0-9]{8,12}\/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${fake(UPPER_ALNUM, 8, "hook")}/B${fake(UPPER_ALNUM, 10, "hook")}/${fake(ALNUM, 24, "hook")}`,
          `ALERTS_HOOK=https://hooks.slack.com/services/T${fake(UPPER_ALNUM, 10, "hook")}/B${fake(UPPER_ALNUM, 11, "hook")}/${fake(ALNUM, 27, "hook")}`,
        ],
        valid: ["SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "See https://hooks.slack.com/services/ for details"],
      };
    },
  }),
  // Workflow Builder webhooks: hooks.slack.com/workflows|triggers/T…/…/…/<secret>.
  custom({
    id: "slack-workflow-webhook-url",
    description: "Slack Workflow Builder webhook URL (hooks.slack.com/workflows|triggers/…)",
    kind: "webhook",
    severity: "medium",
    docs: "https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack",
    keywords: ["hooks.slack.com"],
    pattern: /(?<secret>https?:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/[A-Z0-9]{8,12}\/(?:[A-Z0-9]{8,12}\/)?[0-9]{10,20}\/[A-Za-z0-9]{24,32})(?![A-Za-z0-9])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [
          `url: https://hooks.slack.com/triggers/T${fake(UPPER_ALNUM, 8, "wf")}/A${fake(UPPER_ALNUM, 10, "wf")}/${fake(DIGITS, 13, "wf")}/${fake(ALNUM, 32, "wf")}`,
          // Workflow triggers of the current platform carry no app id: team, trigger id, secret.
          `SLACK_TRIGGER=https://hooks.slack.com/triggers/T${fake(UPPER_ALNUM, 10, "trig")}/${fake(DIGITS, 13, "trig")}/${fake(HEX, 32, "trig")}`,
        ],
        valid: ["url: https://hooks.slack.com/triggers/T0000/A0000/1234/abc"],
      };
    },
  }),
  // Twilio API key SIDs: "SK" + 32 lower-case hex; the secret paired with it
  // is 32 alphanumerics (found by name, below).
  prefixed({
    id: "twilio-api-key",
    description: "Twilio API key SID (SK + 32 hex)",
    kind: "api-key",
    severity: "high",
    docs: "https://www.twilio.com/docs/iam/api-keys",
    prefix: "SK",
    body: "[0-9a-f]{32}",
    boundary: "A-Za-z0-9",
    keywords: keywordsWith("sk", "0123456789abcdef"),
    entropy: 3.2,
    get sample() { return "SK" + fake(HEX, 32, "twilio-sk"); },
    env: "TWILIO_API_KEY",
  }),
  assigned({
    id: "twilio-auth-token",
    description: "Twilio account auth token or API key secret assigned to a Twilio name",
    kind: "token",
    severity: "critical",
    docs: "https://www.twilio.com/docs/iam/access-tokens",
    names: "twilio[\\w.-]{0,20}?(?:auth|token|secret)",
    value: "[a-zA-Z0-9]{32}",
    keywords: ["twilio"],
    entropy: 3.2,
    get sample() { return fake(HEX, 32, "twilio-auth"); },
    env: "TWILIO_AUTH_TOKEN",
  }),
  // The helper libraries' clients take the account SID, then the auth token, positionally: Python
  // `Client("AC…", "…")`, Node `twilio("AC…", "…")`, Ruby `Twilio::REST::Client.new("AC…", "…")`,
  // Java `Twilio.init("AC…", "…")`, C# `TwilioClient.Init("AC…", "…")`
  // (https://www.twilio.com/docs/libraries/reference/twilio-python/). The token is 32 hex.
  custom({
    id: "twilio-client-auth-token",
    description: "Twilio auth token passed after the account SID (AC…) to a Twilio client",
    kind: "token",
    severity: "critical",
    docs: "https://www.twilio.com/docs/iam/api/authtoken",
    keywords: ["twilio"],
    pattern: /\bAC[0-9a-f]{32}["']\s{0,4},\s{0,40}["'](?<secret>[0-9a-f]{32})["']/,
    entropy: 3.2,
    get examples() {
      return {
        invalid: [
          `from twilio.rest import Client\nclient = Client("AC${fake(HEX, 32, "tw-sid")}", "${fake(HEX, 32, "tw-tok")}")`,
          `Twilio.init("AC${fake(HEX, 32, "tw-sid2")}", "${fake(HEX, 32, "tw-tok2")}");`,
        ],
        valid: [`from twilio.rest import Client\nclient = Client("AC${fake(HEX, 32, "tw-sid3")}", auth_token)`, `twilio("AC${fake(HEX, 32, "tw-sid4")}", "your_auth_token")`],
      };
    },
  }),
  // SendGrid: "SG." + 22 + "." + 43 url-safe characters.
  prefixed({
    id: "sendgrid-api-key",
    description: "SendGrid API key (SG.….…)",
    kind: "api-key",
    severity: "high",
    docs: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    prefix: "SG.",
    body: "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
    keywords: ["sg."],
    get sample() { return "SG." + fake(B64URL, 22, "sg") + "." + fake(B64URL, 43, "sg"); },
    env: "SENDGRID_API_KEY",
  }),
  // Mailgun: private API keys "key-" + 32 hex (old) or 32 hex + "-" + 8 hex + "-" + 8 hex.
  assigned({
    id: "mailgun-api-key",
    description: "Mailgun private API key assigned to a Mailgun name",
    kind: "api-key",
    severity: "high",
    docs: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/",
    names: "mailgun",
    value: "(?:key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})",
    keywords: ["mailgun"],
    get sample() { return `${fake(HEX, 32, "mg")}-${fake(HEX, 8, "mg")}-${fake(HEX, 8, "mg2")}`; },
    env: "MAILGUN_API_KEY",
    get invalid() { return [`MAILGUN_KEY=key-${fake(HEX, 32, "mg-old")}`]; },
  }),
  // The old form alone: `key-` and exactly 32 lower-case hex is how Mailgun wrote private API keys for a
  // decade (https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/, `api:key-…`);
  // without the Mailgun name beside it, as it sits in logs and curl lines (`-u 'api:key-…'`).
  prefixed({ id: "mailgun-legacy-api-key", description: "Mailgun private API key, old form (key- + 32 hex)", kind: "api-key", severity: "high", docs: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/", prefix: "key-", body: "[a-f0-9]{32}", entropy: 3, get sample() { return "key-" + fake(HEX, 32, "mg-legacy"); }, env: "MG_KEY", get invalid() { return [`2025-06-02T11:27:07Z WARN worker: replay 2/5 used key-${fake(HEX, 32, "mg-log")} (status 502)`, `curl -s --user 'api:key-${fake(HEX, 32, "mg-curl")}' https://api.mailgun.net/v3/x/messages`]; }, valid: [`const cacheKey = "key-" + md5(url);`, `key-${fake(HEX, 32, "mg-up").toUpperCase()}`] }),
  // Mailchimp: 32 hex + "-us" + datacenter number.
  prefixed({
    id: "mailchimp-api-key",
    description: "Mailchimp Marketing API key (…-us<n>)",
    kind: "api-key",
    severity: "high",
    docs: "https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",
    prefix: "",
    body: "[0-9a-f]{32}-us[0-9]{1,2}",
    // Data centres us1…us21: "-us" alone is in every "en-us".
    keywords: ["-us1", "-us2", "-us3", "-us4", "-us5", "-us6", "-us7", "-us8", "-us9"],
    get sample() { return fake(HEX, 32, "mailchimp") + "-us21"; },
    env: "MAILCHIMP_API_KEY",
  }),
  // Mandrill (Mailchimp Transactional) keys: 22 url-safe characters.
  assigned({
    id: "mandrill-api-key",
    description: "Mailchimp Transactional (Mandrill) API key assigned to a Mandrill name",
    kind: "api-key",
    severity: "high",
    docs: "https://mailchimp.com/developer/transactional/guides/quick-start/",
    names: "mandrill",
    value: "[A-Za-z0-9_-]{22}",
    keywords: ["mandrill"],
    entropy: 3.5,
    get sample() { return fake(B64URL, 22, "mandrill"); },
    env: "MANDRILL_API_KEY",
  }),
  // Mandrill keys issued since Mailchimp folded it in carry "md-" + 22 url-safe characters (trufflehog's
  // mandrill detector): found without a name. Angular Material's `md-` class names are lower-case words
  // joined by hyphens, so the key must mix upper- and lower-case letters and not read as words.
  custom({
    id: "mandrill-api-key-prefixed",
    description: "Mailchimp Transactional (Mandrill) API key (md-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://mailchimp.com/developer/transactional/guides/quick-start/",
    keywords: ["md-"],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>md-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_.-])/,
    entropy: 3.5,
    validate: (s) => /[A-Z]/.test(s.slice(3)) && /[a-z]/.test(s.slice(3)) && !s.slice(3).split(/[-_]/).every((w) => w.length < 3 || looksLikeIdentifier(w) || /^[a-z]+$/.test(w)),
    get examples() {
      const key = `md-${fake(B64URL, 22, "mandrill-md")}`;
      return {
        invalid: [`2024-01-01 INFO mail transport using ${key}`, `mailchimp = MailchimpTransactional::Client.new("${key}")`, `FOO=${key}`],
        valid: ['<div class="md-virtual-repeat-container">', '<md-input-container class="md-block-Wide">', `FOO=md-${"a".repeat(22)}`, "md-AutocompleteSuggestions"],
      };
    },
  }),
  // Postmark server and account tokens are UUIDs.
  assigned({
    id: "postmark-server-token",
    description: "Postmark server or account API token (UUID) assigned to a Postmark name",
    kind: "token",
    severity: "high",
    docs: "https://postmarkapp.com/developer/api/overview#authentication",
    names: "postmark",
    value: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    keywords: ["postmark"],
    get sample() { return uuid("postmark"); },
    env: "POSTMARK_SERVER_TOKEN",
  }),
  // Brevo (Sendinblue): "xkeysib-" + 64 hex + "-" + 16; SMTP keys "xsmtpsib-".
  prefixed({
    id: "brevo-api-key",
    description: "Brevo (Sendinblue) API or SMTP key (xkeysib-/xsmtpsib-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://developers.brevo.com/docs/getting-started",
    prefix: "",
    body: "x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}",
    keywords: ["xkeysib-", "xsmtpsib-"],
    get sample() { return "xkeysib-" + fake(HEX, 64, "brevo") + "-" + fake(ALNUM, 16, "brevo"); },
    env: "BREVO_API_KEY",
  }),
  // Resend: "re_" + 8 + "_" + 24.
  prefixed({
    id: "resend-api-key",
    description: "Resend API key (re_…)",
    kind: "api-key",
    severity: "high",
    docs: "https://resend.com/docs/dashboard/api-keys/introduction",
    prefix: "re_",
    body: "[A-Za-z0-9]{8}_[A-Za-z0-9]{24}",
    get sample() { return "re_" + fake(ALNUM, 8, "resend") + "_" + fake(ALNUM, 24, "resend"); },
    env: "RESEND_API_KEY",
  }),
  assigned({
    id: "mailjet-api-secret",
    description: "Mailjet API secret key (32 hex) assigned to a Mailjet name",
    kind: "api-key",
    severity: "high",
    docs: "https://dev.mailjet.com/email/guides/#authentication",
    names: "mailjet|mj[_.-]?apikey[_.-]?private",
    value: "[a-f0-9]{32}",
    keywords: ["mailjet", "mj_apikey"],
    get sample() { return fake(HEX, 32, "mailjet"); },
    env: "MAILJET_SECRET_KEY",
  }),
  // Telegram bot tokens: numeric bot id + ":" + 35 characters starting "AA". In Bot API URLs the token
  // is glued to "bot" (`https://api.telegram.org/bot<token>/sendMessage`), hence the second lookbehind.
  withProperties(prefixed({
    id: "telegram-bot-token",
    description: "Telegram Bot API token (<bot id>:AA…)",
    kind: "token",
    severity: "high",
    docs: "https://core.telegram.org/bots/api#authorizing-your-bot",
    prefix: "",
    body: "[0-9]{8,10}:AA[0-9A-Za-z_-]{33}",
    keywords: [":aa"],
    get sample() { return fake(DIGITS, 10, "tg").replace(/^0/, "5") + ":AA" + fake(B64URL, 33, "tg"); },
    env: "TELEGRAM_BOT_TOKEN",
    get invalid() { return [`curl "https://api.telegram.org/bot${fake(DIGITS, 10, "tg-url").replace(/^0/, "5")}:AA${fake(B64URL, 33, "tg-url")}/sendMessage"`]; },
    get valid() { return [`robot${fake(DIGITS, 10, "tg-word").replace(/^0/, "5")}:AA${fake(B64URL, 33, "tg-word")}`]; },
  }), { pattern: /(?:(?<![A-Za-z0-9_-])|(?<=(?<![A-Za-z0-9_-])bot))(?<secret>[0-9]{8,10}:AA[0-9A-Za-z_-]{33})(?![A-Za-z0-9_-])/ }),
  // Discord bot tokens: base64(user id) "." 6+ "." 27-38; the first part
  // must decode to a numeric snowflake id, which rejects look-alikes.
  // Found bare too (detect-secrets' DiscordBotTokenDetector has no keyword): base64 of ASCII
  // digits has a fixed shape, each 3 digits giving [MNO][DTjz][AEIMQUYcgk][w-z0-5], so a token
  // starts with one of 90 three-character pieces (DISCORD_ID_HEADS), the keyword pass's
  // trigrams, and the decoded first part must be 17-20 digits.
  custom({
    id: "discord-bot-token",
    description: "Discord bot token (base64 user id . timestamp . HMAC)",
    kind: "token",
    severity: "high",
    docs: "https://discord.com/developers/docs/reference#authentication",
    keywords: ["discord", ...DISCORD_ID_HEADS],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>(?:M[Tjz]|N[DTjz]|O[DT])[AEIMQUYcgk][w-z0-5][A-Za-z0-9_-]{19,24}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])/,
    entropy: 4,
    validate: (s) => /^\d{17,20}$/.test(Buffer.from(s.split(".")[0] ?? "", "base64url").toString("latin1")),
    get examples() {
      return {
        invalid: [`DISCORD_BOT_TOKEN=${discordToken("discord")}`, `client.login("${discordToken("discord2")}"); // discord bot`, `2024-01-01 INFO logged in with ${discordToken("discord3")}`],
        valid: [
          `DISCORD_BOT_TOKEN=MTAx${fake(B64URL, 20, "dc-bad")}.${fake(B64URL, 6, "dc-bad")}.${fake(B64URL, 30, "dc-bad")}`,
          // Bare, three dot-separated base64url parts whose first does not decode to a snowflake id.
          `2024-01-01 INFO session MTAxNjk${fake(B64URL, 19, "dc-bad2")}.${fake(B64URL, 6, "dc-bad2")}.${fake(B64URL, 30, "dc-bad2")}`,
        ],
      };
    },
  }),
  custom({
    id: "discord-webhook-url",
    description: "Discord webhook URL (discord.com/api/webhooks/<id>/<token>)",
    kind: "webhook",
    severity: "medium",
    docs: "https://discord.com/developers/docs/resources/webhook",
    keywords: ["discord"],
    pattern: /(?<secret>https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,72})(?![A-Za-z0-9_-])/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`DISCORD_WEBHOOK=https://discord.com/api/webhooks/${fake(DIGITS, 19, "dw")}/${fake(B64URL, 68, "dw")}`],
        valid: ["DISCORD_WEBHOOK=https://discord.com/api/webhooks/123/abc", "See https://discord.com/developers/docs/resources/webhook"],
      };
    },
  }),
  // Teams incoming webhooks (Office 365 connectors):
  // https://<tenant>.webhook.office.com/webhookb2/<guid>@<guid>/IncomingWebhook/<32 hex>/<guid>.
  custom({
    id: "microsoft-teams-webhook-url",
    description: "Microsoft Teams incoming webhook URL (webhook.office.com/webhookb2/…)",
    kind: "webhook",
    severity: "medium",
    docs: "https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
    keywords: ["webhook.office.com"],
    pattern: /(?<secret>https:\/\/[a-z0-9-]{1,64}\.webhook\.office\.com\/webhookb2\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[0-9a-f]{32}\/[0-9a-f-]{36}(?:\/[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/${uuid("t1")}@${uuid("t2")}/IncomingWebhook/${fake(HEX, 32, "teams")}/${uuid("t3")}`],
        valid: ["TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/<id>@<tenant>/IncomingWebhook/<key>/<owner>"],
      };
    },
  }),
  // Mattermost incoming webhooks: https://<host>/hooks/<26 lower alnum>, the server's own host, so no
  // provider name need stand nearby. The id is Mattermost's NewId(): 26 characters of base32 in lower
  // case, the only credential the hook has (anyone holding the URL posts as it).
  custom({
    id: "mattermost-webhook-url",
    description: "Mattermost incoming webhook URL (https://<server>/hooks/<26-character id>)",
    kind: "webhook",
    severity: "medium",
    docs: "https://developers.mattermost.com/integrate/webhooks/incoming/",
    keywords: ["/hooks/"],
    pattern: /(?<secret>https?:\/\/[A-Za-z0-9.-]{1,100}(?::[0-9]{1,5})?\/hooks\/(?=[a-z]{0,25}[0-9])(?=[0-9]{0,25}[a-z])[a-z0-9]{26})(?![A-Za-z0-9_/-])/,
    entropy: 3.3,
    get examples() {
      return {
        invalid: [`MATTERMOST_WEBHOOK_URL=https://chat.acme.io/hooks/${fake(LOWER_ALNUM, 26, "mm")}`, `HOOK = "https://mm.acme.io:8065/hooks/${fake(LOWER_ALNUM, 26, "mm2")}"`],
        valid: ["https://chat.acme.io/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx", "import useAuth from '../src/hooks/useauthenticationstatehookxx'", "https://github.com/acme/app/hooks/abcdefghijklmnopqrstuvwxyz"],
      };
    },
  }),
  // Rocket.Chat incoming webhooks: https://<server>/hooks/<integration id>/<token>: the id is a Meteor
  // Random.id() (17 characters), the token Random.id(48)
  // (https://docs.rocket.chat/use-rocket.chat/workspace-administration/integrations#incoming-webhook-script).
  custom({
    id: "rocketchat-webhook-url",
    description: "Rocket.Chat incoming webhook URL (https://<server>/hooks/<17-character id>/<48-character token>)",
    kind: "webhook",
    severity: "medium",
    docs: "https://docs.rocket.chat/use-rocket.chat/workspace-administration/integrations",
    keywords: ["/hooks/"],
    pattern: /(?<secret>https?:\/\/[A-Za-z0-9.-]{1,100}(?::[0-9]{1,5})?\/hooks\/[A-Za-z0-9]{17}\/[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`ROCKETCHAT_HOOK=https://chat.acme.io/hooks/${fake(ALNUM, 17, "rc")}/${fake(ALNUM, 48, "rc")}`],
        valid: ["ROCKETCHAT_HOOK=https://chat.acme.io/hooks/<integration-id>/<token>", `https://chat.acme.io/hooks/${"x".repeat(17)}/${"y".repeat(48)}`],
      };
    },
  }),
  // IFTTT Webhooks service keys: https://maker.ifttt.com/trigger/<event>/with/key/<key> (and /use/<key>);
  // the key triggers every applet of the account (https://ifttt.com/maker_webhooks, "Documentation").
  custom({
    id: "ifttt-webhook-key",
    description: "IFTTT Webhooks key in a maker.ifttt.com URL",
    kind: "webhook",
    severity: "medium",
    docs: "https://ifttt.com/maker_webhooks",
    keywords: ["maker.ifttt.com"],
    pattern: /maker\.ifttt\.com\/(?:trigger\/[^/\s"'<>]{1,100}\/(?:json\/)?with\/key|use)\/(?<secret>[A-Za-z0-9_-]{20,43})(?![A-Za-z0-9_-])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`IFTTT_URL = "https://maker.ifttt.com/trigger/deploy_done/with/key/${fake(B64URL, 22, "ifttt")}"`, `curl -X POST https://maker.ifttt.com/trigger/alarm/json/with/key/${fake(B64URL, 22, "ifttt2")}`],
        valid: ["https://maker.ifttt.com/trigger/{event}/with/key/{your_key}", "https://maker.ifttt.com/trigger/event/with/key/YOUR_IFTTT_KEY_HERE1"],
      };
    },
  }),
  // Make (formerly Integromat) custom webhooks: https://hook.<zone>.make.com/<32 lower alnum>
  // (zones eu1, eu2, us1, us2) and the older hook.integromat.com/<id>: the URL alone starts the scenario.
  custom({
    id: "make-webhook-url",
    description: "Make (Integromat) custom webhook URL (hook.<zone>.make.com/…)",
    kind: "webhook",
    severity: "medium",
    docs: "https://www.make.com/en/help/tools/webhooks",
    keywords: [".make.com/", "hook.integromat.com/"],
    pattern: /(?<secret>https:\/\/hook\.(?:[a-z]{2}[0-9]\.make\.com|integromat\.com)\/[a-z0-9]{32})(?![A-Za-z0-9_-])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`MAKE_HOOK = "https://hook.eu1.make.com/${fake(LOWER_ALNUM, 32, "make")}"`, `https://hook.integromat.com/${fake(LOWER_ALNUM, 32, "integromat")}`],
        valid: ["https://hook.eu1.make.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "https://www.make.com/en/help/tools/webhooks"],
      };
    },
  }),
  // Azure Logic Apps and Power Automate HTTP triggers: …/triggers/<name>/paths/invoke?api-version=…&sp=…&sv=1.0&sig=<43
  // base64url>. The `sig` is a SAS signature that authorises any caller
  // (https://learn.microsoft.com/azure/logic-apps/logic-apps-securing-a-logic-app#generate-shared-access-signatures-sas).
  custom({
    id: "azure-logic-app-trigger-url",
    description: "Azure Logic Apps / Power Automate HTTP trigger URL signature (…/paths/invoke?…&sig=…)",
    kind: "webhook",
    severity: "medium",
    docs: "https://learn.microsoft.com/azure/logic-apps/logic-apps-securing-a-logic-app",
    keywords: ["paths/invoke"],
    pattern: /\/paths\/invoke\?[^\s"'<>]{0,300}?(?:&|&amp;|\\u0026)sig=(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    entropy: 3.5,
    get examples() {
      return {
        invalid: [`webhook_url: https://prod-42.westeurope.logic.azure.com:443/workflows/${fake(HEX, 32, "la")}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(B64URL, 43, "la")}`],
        valid: ["https://prod-00.westus.logic.azure.com/workflows/<id>/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=<signature>"],
      };
    },
  }),
  // Google Chat webhooks: chat.googleapis.com/v1/spaces/<id>/messages?key=…&token=….
  custom({
    id: "google-chat-webhook-url",
    description: "Google Chat incoming webhook URL with its token",
    kind: "webhook",
    severity: "medium",
    docs: "https://developers.google.com/workspace/chat/quickstart/webhooks",
    keywords: ["chat.googleapis.com"],
    pattern: /(?<secret>https:\/\/chat\.googleapis\.com\/v1\/spaces\/[A-Za-z0-9_-]{8,20}\/messages\?key=[A-Za-z0-9_-]{39}(?:&|&amp;|\\u0026)token=[A-Za-z0-9_%-]{40,100})(?![A-Za-z0-9_%-])/,
    entropy: 4,
    get examples() {
      return {
        invalid: [`GCHAT_WEBHOOK=https://chat.googleapis.com/v1/spaces/${fake(B64URL, 11, "gc")}/messages?key=AIza${fake(B64URL, 35, "gc")}&token=${fake(B64URL, 43, "gc")}%3D`],
        valid: ["GCHAT_WEBHOOK=https://chat.googleapis.com/v1/spaces/AAAA/messages"],
      };
    },
  }),
  // Zapier "Catch Hook" URLs: anyone with the URL can trigger the Zap with any payload
  // (https://help.zapier.com/hc/en-us/articles/8496288690317): hooks.zapier.com/hooks/catch/<account>/<hook>/.
  custom({
    id: "zapier-webhook-url",
    description: "Zapier catch-hook webhook URL (hooks.zapier.com/hooks/catch/…)",
    kind: "webhook",
    severity: "medium",
    docs: "https://help.zapier.com/hc/en-us/articles/8496288690317",
    keywords: ["hooks.zapier.com"],
    pattern: /(?<secret>https:\/\/hooks\.zapier\.com\/hooks\/catch\/[0-9]{4,12}\/[a-z0-9]{5,12})(?![A-Za-z0-9])\/?/,
    get examples() {
      return {
        invalid: [`ZAPIER_HOOK=https://hooks.zapier.com/hooks/catch/${fake(DIGITS, 8, "zap")}/${fake(LOWER_ALNUM, 7, "zap")}/`],
        valid: ["See https://hooks.zapier.com/hooks/catch/ in the Zap editor", "ZAPIER_HOOK=https://hooks.zapier.com/hooks/catch/000000/xxxxxxx/"],
      };
    },
  }),
  // MailerSend API tokens: "mlsn." + 64 hex in practice; gitleaks (mailersend-api-token) allows
  // 30-100 alphanumerics.
  prefixed({ id: "mailersend-api-token", description: "MailerSend API token (mlsn.…)", kind: "api-key", severity: "high", docs: "https://developers.mailersend.com/general.html#authentication", prefix: "mlsn.", body: "[A-Za-z0-9]{30,100}", entropy: 3.3, fixedLength: false, validate: (s) => !looksLikeIdentifier(s.slice(5)), get sample() { return "mlsn." + fake(HEX, 64, "mailersend"); }, env: "MAILERSEND_API_KEY", get valid() { return ["mlsn.ConfigureDefaultNotificationSettings()"]; } }),
  // Klaviyo private API keys: "pk_" + 34 lower-case alphanumerics (the public site id is 6 characters;
  // Stripe's publishable "pk_live_"/"pk_test_" keys do not fit the shape).
  prefixed({ id: "klaviyo-private-api-key", description: "Klaviyo private API key (pk_…)", kind: "api-key", severity: "high", docs: "https://developers.klaviyo.com/en/docs/authenticate_", prefix: "pk_", body: "[a-z0-9]{34}", entropy: 3.5, get sample() { return "pk_" + fake(LOWER_ALNUM, 34, "klaviyo"); }, env: "KLAVIYO_PRIVATE_API_KEY", get valid() { return [`STRIPE_PUBLISHABLE_KEY=pk_live_${fake(ALNUM, 99, "pk-live")}`]; } }),
  // OneSignal REST API keys since 2024: "os_v2_app_" (app key) or "os_v2_org_" (organization key)
  // + about 110 lower-case base32 characters; the app id beside it is a public UUID (trufflehog
  // onesignal, OneSignal "Keys & IDs").
  prefixed({ id: "onesignal-rest-api-key", description: "OneSignal REST API key (os_v2_app_…/os_v2_org_…)", kind: "api-key", severity: "high", docs: "https://documentation.onesignal.com/docs/keys-and-ids", prefix: "os_v2_", body: "(?:app|org)_[a-z2-7]{100,120}", keywords: ["os_v2_app_", "os_v2_org_"], entropy: 4, fixedLength: false, get sample() { return "os_v2_app_" + fake(BASE32.toLowerCase(), 113, "onesignal"); }, env: "ONESIGNAL_REST_API_KEY", get valid() { return [`ONESIGNAL_APP_ID=${uuid("onesignal-app")}`]; } }),
  // Telnyx API v2 keys: "KEY" + a 26-character upper-case ULID + "_" + 22 base62 characters
  // (Telnyx portal "API Keys"; trufflehog telnyx).
  prefixed({ id: "telnyx-api-key", description: "Telnyx API v2 key (KEY…_…)", kind: "api-key", severity: "high", docs: "https://developers.telnyx.com/docs/overview/authentication", prefix: "KEY", body: "0[0-9A-HJKMNP-TV-Z]{25}_[A-Za-z0-9]{22}", keywords: ["key0"], entropy: 3.5, get sample() { return "KEY0" + fake("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 25, "telnyx") + "_" + fake(ALNUM, 22, "telnyx"); }, env: "TELNYX_API_KEY" }),
  // PubNub secret keys (they sign access grants and admin calls): "sec-c-" + base64 of a UUID, 48
  // characters; the publish and subscribe keys beside them ("pub-c-"/"sub-c-" + UUID) ship in clients.
  // The body must decode to a UUID, which no word or identifier does.
  // https://www.pubnub.com/docs/general/security/access-control
  prefixed({
    id: "pubnub-secret-key",
    description: "PubNub secret key (sec-c-…)",
    kind: "api-key",
    severity: "high",
    docs: "https://www.pubnub.com/docs/general/security/access-control",
    prefix: "sec-c-",
    body: "[A-Za-z0-9]{48}",
    entropy: 3.8,
    validate: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(decodeBase64(s.slice(6))?.toString("latin1") ?? ""),
    get sample() { return "sec-c-" + Buffer.from(uuid("pubnub-sec")).toString("base64"); },
    env: "PUBNUB_SECRET_KEY",
    get valid() { return [`PUBNUB_SECRET_KEY=sec-c-${fake(ALNUM, 48, "pubnub-not-uuid")}`, `PUBNUB_PUBLISH_KEY=pub-c-${uuid("pubnub-pub")}`]; },
  }),
  // Apache Pulsar's token authentication: `tokenSecretKey` is the HMAC key that signs every token (HS256) and
  // `tokenPrivateKey` the private key of the asymmetric form; both take `file:///path` or the key inline as a
  // data URL, `data:;base64,<key>` (https://pulsar.apache.org/docs/next/security-jwt/#enable-token-authentication-on-brokers).
  // The inline form puts the key in broker.conf/standalone.conf, and in the `PULSAR_PREFIX_`/env forms of the images.
  custom({
    id: "pulsar-token-signing-key",
    description: "Apache Pulsar token signing key inline as a data URL (tokenSecretKey / tokenPrivateKey=data:;base64,…)",
    kind: "private-key",
    severity: "critical",
    docs: "https://pulsar.apache.org/docs/next/security-jwt/#enable-token-authentication-on-brokers",
    keywords: ["tokensecretkey", "tokenprivatekey"],
    pattern: /token(?:Secret|Private)Key["']?[ \t]{0,4}[=:][ \t]{0,4}["']?data:[\w\/.+-]{0,64};base64,(?<secret>[A-Za-z0-9+\/]{22,4096}={0,2})/i,
    entropy: 4,
    validate: (s) => (decodeBase64(s)?.length ?? 0) >= 16,
    get examples() {
      const key = Buffer.from(fake(ALNUM, 32, "pulsar")).toString("base64");
      return {
        invalid: [`tokenSecretKey=data:;base64,${key}`, `PULSAR_PREFIX_tokenSecretKey: "data:;base64,${key}"`],
        valid: ["tokenSecretKey=file:///pulsar/secret.key", "tokenSecretKey=data:;base64,dGVzdA==", "tokenPublicKey=data:;base64," + key],
      };
    },
  }),
];
