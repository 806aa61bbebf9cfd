/**
 * Ansible module documentation: a module's `DOCUMENTATION`, `EXAMPLES` and `RETURN` are module-level
 * triple-quoted YAML strings by convention (https://docs.ansible.com/ansible/latest/dev_guide/developing_modules_documenting.html),
 * rendered by `ansible-doc`. Their values are samples (a vendor's default password, a made-up API key): in the
 * 404 MB of Debian's packaged Ansible collections, 799 of 898 name-based findings sat there. A provider's
 * own format (a `ghp_` token, an AWS key) pasted into an example is still reported; name = value guesses are not.
 */
const OPENING = /^(?:DOCUMENTATION|EXAMPLES|RETURN)[ \t]*=[ \t]*[rRuU]?('''|""")/gm;

/** The [start, end) character ranges of a Python file's Ansible documentation strings (none in most files). */
export function ansibleDocRanges(text: string): Array<[number, number]> {
  if (!text.includes("EXAMPLES") && !text.includes("DOCUMENTATION") && !text.includes("RETURN")) return [];
  const ranges: Array<[number, number]> = [];
  OPENING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPENING.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const end = text.indexOf(m[1]!, start);
    if (end === -1) break;
    ranges.push([start, end]);
    OPENING.lastIndex = end + 3;
  }
  return ranges;
}
