import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { SERVER_SECRET_MIN_LENGTH } from "./server-secret";

/**
 * Encryption at rest for the few secrets the server must read back (a TOTP key cannot be
 * hashed: the server needs it to compute codes). AES-256-GCM, with a key per purpose derived
 * from the server secret by HKDF-SHA-256, so a copy of the database alone reveals nothing.
 * `bindTo` (for example the staff id) is authenticated with the ciphertext: a value copied
 * onto another row does not decrypt.
 */
export interface Encryption {
  encrypt(purpose: string, plaintext: string, bindTo: string): string;
  /** The plaintext; throws when the value was altered, moved or sealed under another secret. */
  decrypt(purpose: string, sealed: string, bindTo: string): string;
}

const VERSION = "v1";
const IV_BYTES = 12;

export function createEncryption(secret: string): Encryption {
  if (secret.length < SERVER_SECRET_MIN_LENGTH) {
    throw new RangeError(`The server secret must be at least ${SERVER_SECRET_MIN_LENGTH} characters.`);
  }
  const keys = new Map<string, Buffer>();
  const keyFor = (purpose: string): Buffer => {
    let key = keys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync("sha256", secret, "psu-referrals encryption", `aes-256-gcm:${purpose}`, 32));
      keys.set(purpose, key);
    }
    return key;
  };
  return {
    encrypt(purpose, plaintext, bindTo) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
      cipher.setAAD(Buffer.from(bindTo, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv, body, cipher.getAuthTag()]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    decrypt(purpose, sealed, bindTo) {
      const [version, iv, body, tag, ...rest] = sealed.split(".");
      if (version !== VERSION || !iv || body === undefined || !tag || rest.length > 0)
        throw new Error("not an encrypted value");
      const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(bindTo, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}
