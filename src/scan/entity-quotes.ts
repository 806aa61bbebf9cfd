// JSON written inside an XML or HTML attribute has its quotes escaped as `&quot;` (JOSM's preferences.xml
// keeps OAuth tokens as `value="{&quot;access_token&quot;:&quot;…&quot;}"`; `data-config` attributes do
// the same). The generic detector reads `"name": "value"` and `\"name\": \"value\"`, not the entity form.
// `quotesUnescaped` gives the same text with each `&quot;` turned into a quote and five blanks, on the side
// away from the word it delimits, so the length and every position stay as they were: a finding in the
// result points at the same characters in the file.

const ENTITY = "&quot;";

/** `text` with every `&quot;` replaced by a padded quote of the same length (see above). */
export function quotesUnescaped(text: string): string {
  return text.replace(/&quot;/g, (_m, at: number) => {
    const before = at > 0 ? text[at - 1]! : "";
    // A quote after a word character, or before punctuation that ends a JSON string, closes a string:
    // blanks after it. Otherwise it opens one: blanks before it, so the quote touches the word.
    const closes = /[\w.~+/=-]/.test(before) || /^[,:}\]]/.test(text.slice(at + ENTITY.length, at + ENTITY.length + 1));
    return closes ? '"     ' : '     "';
  });
}

/** Whether the text holds an escaped quote worth a second reading. */
export function hasEntityQuotes(text: string): boolean {
  return text.includes(ENTITY);
}
