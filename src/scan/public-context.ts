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
const BROWSER_LOADER = /(?:maps\.googleapis\.com\/maps\/api\/js|google\.com\/maps\/embed\/v1\/\w+)\?(?:[^\s"'<>?]{0,300}&(?:amp;)?)?key=$/;
const ANDROID_RESOURCE = /<string\s+name="(?:google_api_key|google_crash_reporting_api_key)"[^>]{0,80}>$/;

// - the Maps SDK keys of a mobile app's own configuration, compiled into the app: Expo's
//   `ios.config.googleMapsApiKey` and `android.config.googleMaps.apiKey`
//   (https://docs.expo.dev/versions/latest/config/app/#googlemapsapikey) and the AndroidManifest
//   `com.google.android.geo.API_KEY` meta-data (https://developers.google.com/maps/documentation/android-sdk/get-api-key#add-key),
//   restricted by app signature rather than kept secret.
const MOBILE_MAPS_CONFIG = /(?:["']?googleMapsApiKey["']?\s*[:=]\s*|["']googleMaps["']\s*:\s*\{\s*["']apiKey["']\s*:\s*|android:name="com\.google\.android\.geo\.API_KEY"\s+android:value=)["']$/;

/** True when `secret`, found at [start, end) of `text`, is a Google API key inside a Firebase app configuration. */
export function isPublicByContext(secret: string, text: string, start: number, end: number): boolean {
  if (!GOOGLE_API_KEY.test(secret)) return false;
  const before = text.slice(Math.max(0, start - 400), start);
  if (BROWSER_LOADER.test(before) || ANDROID_RESOURCE.test(before) || MOBILE_MAPS_CONFIG.test(before)) return true;
  const around = text.slice(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW));
  return FIREBASE_MARKERS.test(around);
}
