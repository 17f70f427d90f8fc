import { dictionary } from "@zxcvbn-ts/language-common";

// The list: zxcvbn-ts's "passwords-common" (about 49,000 passwords, lower case, most common
// first, drawn from published breach corpora), shipped inside an npm package so nothing is
// fetched at run time. Held by the API only: the web bundle never carries it.

let commonPasswords: ReadonlySet<string> | undefined;

function getCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  return commonPasswords;
}

// The substitutions people make to satisfy composition rules ("P@ssw0rd"): undone before looking up.
const SUBSTITUTIONS: Readonly<Record<string, string>> = {
  "@": "a",
  "4": "a",
  "3": "e",
  "0": "o",
  $: "s",
  "5": "s",
  "7": "t",
  "!": "i",
};
// A common password with digits or symbols added ("liverpool2024!") is still a common password.
const TRAILING_DIGITS_AND_SYMBOLS = /[\d\W_]+$/u;
// Shorter stems ("abc") would refuse too much that is not a common password.
const SHORTEST_STEM = 4;

function undoSubstitutions(text: string): string[] {
  const plain = [...text].map((character) => SUBSTITUTIONS[character] ?? character).join("");
  // "1" stands for "i" or "l": try both.
  return [plain.replaceAll("1", "i"), plain.replaceAll("1", "l")];
}

/**
 * True when the password, in any case, is on the list, or is a listed password with digits and
 * symbols added at the end, or with letters swapped for look-alike digits and symbols. A handful
 * of Set lookups: O(1) in the size of the list.
 */
export function isCommonPassword(password: string): boolean {
  const list = getCommonPasswords();
  const lowered = password.toLowerCase();
  const stem = lowered.replace(TRAILING_DIGITS_AND_SYMBOLS, "");
  const candidates = [lowered, ...undoSubstitutions(lowered)];
  if (stem.length >= SHORTEST_STEM) candidates.push(stem, ...undoSubstitutions(stem));
  return candidates.some((candidate) => list.has(candidate));
}
