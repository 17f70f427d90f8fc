import { createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Where the server secret comes from: SERVER_SECRET, or a file the embedded default keeps. */
export type ServerSecretSource = { kind: "given"; value: string } | { kind: "kept"; file: string };

/** The shortest secret accepted: 32 bytes of randomness, base64url, is 43 characters. */
export const SERVER_SECRET_MIN_LENGTH = 32;

/**
 * The server secret: given by SERVER_SECRET (every instance on one database must share it), or,
 * for the embedded default, made once and kept in a file of the data folder (mode 0600), so a
 * newcomer sets nothing and a restart keeps every hash valid.
 */
export async function loadServerSecret(source: ServerSecretSource): Promise<string> {
  if (source.kind === "given") return source.value;
  try {
    const kept = (await readFile(source.file, "utf8")).trim();
    if (kept.length >= SERVER_SECRET_MIN_LENGTH) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const made = randomBytes(48).toString("base64url");
  await mkdir(dirname(source.file), { recursive: true });
  // "wx": two copies starting at once cannot both write; the loser reads the winner's.
  try {
    await writeFile(source.file, `${made}\n`, { mode: 0o600, flag: "wx" });
    return made;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return (await readFile(source.file, "utf8")).trim();
  }
}

/**
 * A keyed hash (HMAC-SHA-256, hex) of a value within a scope. Anything stored or used as a key
 * that is derived from something guessable (an IP address, an email, a short code, a token)
 * goes through this: without the secret, a copy of the database cannot be reversed by trying
 * every IPv4 address or every code. Scopes keep one use's hashes from matching another's.
 */
export type KeyedHash = (scope: string, value: string) => string;

export function createKeyedHash(secret: string): KeyedHash {
  if (secret.length < SERVER_SECRET_MIN_LENGTH) {
    throw new RangeError(`The server secret must be at least ${SERVER_SECRET_MIN_LENGTH} characters.`);
  }
  return (scope, value) => createHmac("sha256", secret).update(scope).update("\u0000").update(value).digest("hex");
}
