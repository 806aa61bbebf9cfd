import { analyzeName } from "./secret-name.js";

// Provider-format matches that are public because of where they stand.
//
// A Google API key (AIza…) inside a Firebase app configuration is the
// project's public identifier: it ships in every web page and mobile app
// that uses Firebase, and Firebase documents that it is not a secret
// (https://firebase.google.com/docs/projects/api-keys: "API keys for Firebase
// services are not used to control access… it's OK to include them in code").
// The same key shape elsewhere (a server's GOOGLE_API_KEY for Maps or Gemini)
// is still a secret, so only the configuration's own markers decide, whichever
// detector (provider rule or name = value) found the key:
// `authDomain` of the web snippet, `mobilesdk_app_id` of google-services.json,
// `GOOGLE_APP_ID` of GoogleService-Info.plist, the `FirebaseOptions(` of the firebase_options.dart that
// the FlutterFire CLI generates (https://firebase.google.com/docs/flutter/setup). A key merely named
// for Firebase (`FIREBASE_API_KEY=AIza…` in a server's .env) is still reported: nothing shows it is the
// client configuration's, and the scan-corpus benchmark plants such keys as secrets.

const FIREBASE_MARKERS = /\bauthDomain\b|"mobilesdk_app_id"|<key>GOOGLE_APP_ID<\/key>|\bFirebaseOptions\s*\(/;
const WINDOW = 1500;

const GOOGLE_API_KEY = /^AIza[0-9A-Za-z_-]{35}$/;

// Two more places hold a key that every user's device receives by design:
// - the Maps JavaScript API loader and the Maps Embed API (`maps.googleapis.com/maps/api/js?key=…`,
//   `google.com/maps/embed/v1/place?key=…`): the key is in the page's HTML, and Google's answer is to
//   restrict it to the site's HTTP referrers (https://developers.google.com/maps/api-security-best-practices#restricting-api-keys);
// - the Android string resources the google-services Gradle plugin writes from google-services.json
//   (`<string name="google_api_key">`, `google_crash_reporting_api_key`), the Android form of the
//   Firebase configuration above (https://developers.google.com/android/guides/google-services-plugin#processing_the_json_file).
// - the Maps Static and Street View Static image URLs (`maps/api/staticmap?…&key=…`, `maps/api/streetview?…`):
//   the browser fetches them from an `<img>`, so the key is in the page too; what protects it is the URL
//   signature (`&signature=`, computed per URL with a signing secret that stays on the server) and the
//   referrer restriction (https://developers.google.com/maps/documentation/maps-static/digital-signature);
const BROWSER_LOADER = /(?:maps\.googleapis\.com\/maps\/api\/(?:js|staticmap|streetview)|google\.com\/maps\/embed\/v1\/\w+)\?(?:[^\s"'<>?]{0,300}&(?:amp;)?)?key=$/;
const ANDROID_RESOURCE = /<string\s+name="(?:google_api_key|google_crash_reporting_api_key)"[^>]{0,80}>$/;

// A mobile app's own files name the key they hold. Two names decide, the same way in every file that ships
// in the app (AndroidManifest.xml meta-data, Android resources, Info.plist, Expo app.json, Dart/Swift
// sources, local.properties, Gradle, xcconfig), so the same key gets the same verdict wherever it ships:
// - named for Firebase (`firebaseApiKey`, `firebaseWebApiKey`): the Firebase configuration key, public by
//   Firebase's design (above), is not a secret;
// - named for Maps (`com.google.android.geo.API_KEY`, `googleMapsApiKey`, `google_maps_key`, `GMSApiKey`,
//   `MAPS_API_KEY`): reported, because Google "strongly recommends that you not check an API key into your
//   version control system" and keeps the Maps SDK key in an uncommitted properties file
//   (https://developers.google.com/maps/documentation/android-sdk/secrets-gradle-plugin), but at medium
//   severity with what to do: the key ships in every installed app, so the control is restricting it to the
//   app (package and signing certificate, or bundle id) and to the Maps SDKs, not keeping it secret.
// Any other name (`geminiApiKey`: Gemini keys are AIza… too, and server keys) keeps the key's own verdict.
const MOBILE_APP_FILE = /(?:^|\/)(?:AndroidManifest\.xml|app\.json|app\.config\.[cm]?[jt]s|(?:local|secrets)\.properties|[^/]+\.(?:plist|xcconfig|dart|swift|mm?|gradle|gradle\.kts)|res\/values[^/]*\/[^/]+\.xml)$/;
const FIREBASE_NAME = /firebase/i;
const FIREBASE_SERVER_NAME = /server/i;
const MAPS_NAME = /maps|geo\.API_KEY|\bGMSApi/i;

/** The text that names a value at `start`: its line up to the value, and the line before when that line holds only markup (`<string>` under a plist `<key>`, a lone `"apiKey": "` under `"googleMaps": {`). */
function labelBefore(text: string, start: number): string {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const prefix = text.slice(lineStart, start);
  if (!/^\s*(?:<string>|["']?apiKey["']?\s*[:=]\s*["']?)$/i.test(prefix) || lineStart === 0) return prefix;
  return text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, start);
}

// A client bundle committed with the build output (`dist/`, `build/`, `www/build/`, Next.js `.next/static/`)
// ships to every browser or app install as the mobile files do, and names a key the same way; but a minified
// bundle is one long line holding the whole Firebase SDK, so only the key's own label names it: an `apiKey`
// member of an object named for Firebase (`firebase:{apiKey:"`, `firebaseConfig={apiKey:"`) or a name that
// says both (`firebaseApiKey:"`).
const CLIENT_BUNDLE = /(?:^|\/)(?:dist|build|out|www|\.next\/static)\/(?:[^/]+\/)*[^/]+\.[cm]?js$/;
const BUNDLE_FIREBASE_LABEL = /firebase\w*["']?\s*[:=]\s*\{\s*["']?api_?key["']?\s*:\s*["'`]$|firebase_?(?:web_?)?api_?key["']?\s*[:=]\s*["'`]$/i;

/** A Google API key in a mobile app's own file or a client bundle, by the name it stands under: "firebase", "maps" or null. */
export function mobileGoogleKey(secret: string, text: string, start: number, file: string): "firebase" | "maps" | null {
  if (!GOOGLE_API_KEY.test(secret)) return null;
  if (CLIENT_BUNDLE.test(file)) return BUNDLE_FIREBASE_LABEL.test(text.slice(Math.max(0, start - 80), start)) ? "firebase" : null;
  if (!MOBILE_APP_FILE.test(file)) return null;
  const label = labelBefore(text, start);
  // A Firebase *server* key (the legacy FCM/GCM server key was an AIza key too) sends pushes to every
  // install: it is no app configuration, and keeps the key's own verdict.
  if (FIREBASE_NAME.test(label)) return FIREBASE_SERVER_NAME.test(label) ? null : "firebase";
  return MAPS_NAME.test(label) ? "maps" : null;
}

export const MOBILE_MAPS_REASON = "a Google Maps SDK key in the app's files: it ships in every install, so restrict it to the app (package and signing certificate, or bundle id) and to the Maps SDKs, and keep it out of version control (Google's Secrets Gradle Plugin)";

/** True when `secret`, found at [start, end) of `text`, is a Google API key inside a Firebase app configuration. */
export function isPublicByContext(secret: string, text: string, start: number, end: number): boolean {
  if (!GOOGLE_API_KEY.test(secret)) return false;
  const before = text.slice(Math.max(0, start - 400), start);
  if (BROWSER_LOADER.test(before) || ANDROID_RESOURCE.test(before)) return true;
  const around = text.slice(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW));
  return FIREBASE_MARKERS.test(around);
}

// A provider format under a name that says the value is published by design (`SUPABASE_ANON_KEY`,
// `supabaseAnonKey`, `STRIPE_PUBLISHABLE_KEY`, `RECAPTCHA_SITE_KEY`) is public in code and bundles as it is
// in a .env (classify/index.ts): the Supabase anon key ships in every client page, row-level security is what
// protects the data (https://supabase.com/docs/guides/api/api-keys). Only the name right before the value
// counts (a minified bundle's line holds every other name), and never for a secret format (`sk_live_…`
// under a publishable name is a mistake to report) or a private key.
const PUBLIC_NAME = /(?:^|[^A-Za-z])(?:anon|publishable|site)[_-]?key["']?\s*[:=]\s*["'`]$|[a-z](?:Anon|Publishable|Site)Key["']?\s*[:=]\s*["'`]$/i;

// The name right before a value on its line (`BIGCOMMERCE_STOREFRONT_TOKEN=`, `Cesium.Ion.defaultAccessToken = "`).
const NAME_BEFORE = /([A-Za-z_$][\w$.-]{0,100})["']?[ \t]*(?:=|:|=>)[ \t]*["'`]?$/;

/**
 * True when a provider-format match stands right after a name that marks a public value: an anon,
 * publishable or site key, or a name secret-name.ts knows as a vendor's published client key or token (a
 * Shopify or BigCommerce storefront token, which a JWT format alone would report; Cesium's
 * `Ion.defaultAccessToken`).
 */
export function publicByName(ruleId: string, kind: string, text: string, start: number): boolean {
  if (kind === "private-key" || /secret|private|service/i.test(ruleId)) return false;
  const before = text.slice(Math.max(0, start - 120), start);
  if (PUBLIC_NAME.test(before.slice(-60))) return true;
  const line = before.slice(before.lastIndexOf("\n") + 1);
  const name = NAME_BEFORE.exec(line)?.[1];
  return name !== undefined && analyzeName(name).published === true;
}

// Two vendors issue credentials that are public by their scope, which the file states beside the value:
// - commercetools' "Mobile & single-page application client" template: a client whose scopes are only the
//   customer's own (`manage_my_*`), reading published products and categories, and creating anonymous
//   sessions. commercetools makes it for "client applications … where the credentials can be extracted"
//   (https://docs.commercetools.com/api/scopes, https://docs.commercetools.com/getting-started/create-api-client#client-templates):
//   its secret ships in every SPA and mobile build. One scope outside that set (`manage_project`,
//   `manage_orders`, `view_customers`) makes the client a server's, and its secret stays a secret.
// - Snipcart's install snippet (`<div hidden id="snipcart" data-api-key="…">`, v2's `<script id="snipcart"
//   data-api-key="…">`) takes the store's *public* API key, which Snipcart documents as safe in the page; the
//   secret API key is used only from the store's server (https://docs.snipcart.com/v3/setup/installation,
//   https://docs.snipcart.com/v3/api-reference/authentication).
const PUBLIC_CLIENT_SCOPE = /^(?:manage_my_\w+|view_published_products|view_categories|create_anonymous_token)$/;
const SCOPES_LABEL = /scopes?["']?\s*[:=]/gi;
const SCOPE_ITEM = /\b([a-z]+(?:_[a-z]+)+):[\w-]+/g;
const SCOPE_WINDOW = 600;

/** The `scope:project` items of the scope lists within SCOPE_WINDOW of [start, end): null when there is none. */
function scopesNear(text: string, start: number, end: number): string[] | null {
  const from = Math.max(0, start - SCOPE_WINDOW);
  const around = text.slice(from, Math.min(text.length, end + SCOPE_WINDOW));
  const scopes: string[] = [];
  SCOPES_LABEL.lastIndex = 0;
  for (let m = SCOPES_LABEL.exec(around); m; m = SCOPES_LABEL.exec(around)) {
    // The list: up to its closing bracket, or the end of its line when it is a space-separated string.
    const rest = around.slice(m.index + m[0].length, m.index + m[0].length + 400);
    const list = /^\s*\[/.test(rest) ? rest.slice(0, (rest.indexOf("]") + 1 || rest.length + 1) - 1) : rest.split("\n")[0]!;
    for (const s of list.matchAll(SCOPE_ITEM)) scopes.push(s[1]!);
  }
  return scopes.length > 0 ? scopes : null;
}

// Browser-only SDKs whose key option takes a key made for browsers, in a file that loads the SDK:
// - Unleash's frontend SDKs (`unleash-proxy-client`, `@unleash/proxy-client-react`/`-vue`/`-svelte`) take a
//   frontend token as `clientKey`, which Unleash designs "to be exposed" in client code
//   (https://docs.getunleash.io/reference/api-tokens-and-client-keys#frontend-tokens). An admin token
//   (`*:*.…`) there is a mistake and stays reported.
// - Typesense's InstantSearch adapter runs in the page with a search-only key as `server.apiKey`
//   (https://github.com/typesense/typesense-instantsearch-adapter#setup).
const BROWSER_SDK_KEYS: Array<{ marker: RegExp; name: string }> = [
  { marker: /["'](?:unleash-proxy-client|@unleash\/proxy-client-(?:react|vue|svelte))["']/, name: "clientKey" },
  { marker: /\bTypesenseInstantSearchAdapter\b/, name: "apiKey" },
];
const UNLEASH_ADMIN_TOKEN = /^\*:\*\./;

function browserSdkKey(secret: string, text: string, start: number): boolean {
  const line = text.slice(Math.max(0, text.lastIndexOf("\n", start - 1) + 1, start - 120), start);
  const name = NAME_BEFORE.exec(line)?.[1];
  if (name === undefined || UNLEASH_ADMIN_TOKEN.test(secret)) return false;
  return BROWSER_SDK_KEYS.some((k) => k.name === name && k.marker.test(text));
}

/** True when the value at [start, end) is a credential its vendor issues for browsers and apps, by the scope the file states beside it or the browser SDK it is given to. */
export function publicByScope(kind: string, text: string, start: number, end: number): boolean {
  if (kind === "private-key") return false;
  if (browserSdkKey(text.slice(start, end), text, start)) return true;
  const tagStart = text.lastIndexOf("<", start);
  if (tagStart >= 0 && start - tagStart < 400 && /data-api-key=["']$/.test(text.slice(Math.max(tagStart, start - 14), start))) {
    const tagEnd = text.indexOf(">", end);
    const tag = text.slice(tagStart, tagEnd < 0 ? end : tagEnd);
    if (!tag.slice(1).includes("<") && /\sid=["']snipcart["']/.test(tag)) return true;
  }
  const scopes = scopesNear(text, start, end);
  return scopes !== null && scopes.every((s) => PUBLIC_CLIENT_SCOPE.test(s));
}
