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
// `GOOGLE_APP_ID` of GoogleService-Info.plist.

const FIREBASE_MARKERS = /\bauthDomain\b|"mobilesdk_app_id"|<key>GOOGLE_APP_ID<\/key>/;
const WINDOW = 1500;

const GOOGLE_API_KEY = /^AIza[0-9A-Za-z_-]{35}$/;

/** True when `secret`, found at [start, end) of `text`, is a Google API key inside a Firebase app configuration. */
export function isPublicByContext(secret: string, text: string, start: number, end: number): boolean {
  if (!GOOGLE_API_KEY.test(secret)) return false;
  const around = text.slice(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW));
  return FIREBASE_MARKERS.test(around);
}
