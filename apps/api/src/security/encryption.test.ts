import { describe, expect, it } from "vitest";
import { createEncryption } from "./encryption";

const SECRET = "a-server-secret-long-enough-for-the-rules-0123";

describe("encryption at rest", () => {
  const encryption = createEncryption(SECRET);

  it("gives back what it was given, and a different ciphertext each time", () => {
    const first = encryption.encrypt("totp-secret", "JBSWY3DPEHPK3PXP", "staff-1");
    const second = encryption.encrypt("totp-secret", "JBSWY3DPEHPK3PXP", "staff-1");
    expect(first).not.toBe(second);
    expect(first).not.toContain("JBSWY3DPEHPK3PXP");
    expect(encryption.decrypt("totp-secret", first, "staff-1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a value moved to another row, used for another purpose, altered, or sealed under another secret", () => {
    const sealed = encryption.encrypt("totp-secret", "JBSWY3DPEHPK3PXP", "staff-1");
    expect(() => encryption.decrypt("totp-secret", sealed, "staff-2")).toThrow();
    expect(() => encryption.decrypt("other-purpose", sealed, "staff-1")).toThrow();
    const [version, iv, body, tag] = sealed.split(".");
    const flipped = `${body?.[0] === "A" ? "B" : "A"}${body?.slice(1)}`;
    expect(() => encryption.decrypt("totp-secret", [version, iv, flipped, tag].join("."), "staff-1")).toThrow();
    expect(() => encryption.decrypt("totp-secret", "not.a.value", "staff-1")).toThrow();
    const other = createEncryption(`${SECRET}-rotated`);
    expect(() => other.decrypt("totp-secret", sealed, "staff-1")).toThrow();
  });

  it("refuses a server secret too short to derive keys from", () => {
    expect(() => createEncryption("short")).toThrow(RangeError);
  });
});
