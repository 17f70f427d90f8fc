import { describe, expect, it } from "vitest";
import { createRecoveryCodes, createTotpSecret, generateTotpCode, toTotpStep, toTotpUri, verifyTotpCode } from "./totp";

// RFC 6238, appendix B: the SHA-1 test key "12345678901234567890" (base32 below), 8-digit
// values there; an authenticator shows their last 6 digits.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP codes", () => {
  it.each([
    [59, "287082"],
    [1_111_111_109, "081804"],
    [1_234_567_890, "005924"],
    [2_000_000_000, "279037"],
  ])("at %i s gives the RFC 6238 value %s", (seconds, code) => {
    expect(generateTotpCode(RFC_SECRET, at(seconds))).toBe(code);
  });

  it("accepts a code one step either side of now, and nothing further", () => {
    const now = at(1_800_000_015);
    const step = toTotpStep(now);
    for (const offset of [-1, 0, 1])
      expect(verifyTotpCode(RFC_SECRET, generateTotpCode(RFC_SECRET, at((step + offset) * 30)), now, null)).toBe(
        step + offset,
      );
    for (const offset of [-2, 2])
      expect(verifyTotpCode(RFC_SECRET, generateTotpCode(RFC_SECRET, at((step + offset) * 30)), now, null)).toBeNull();
  });

  it("refuses a code from a step at or before the last one accepted", () => {
    const now = at(1_800_000_015);
    const step = toTotpStep(now);
    const code = generateTotpCode(RFC_SECRET, now);
    expect(verifyTotpCode(RFC_SECRET, code, now, step - 1)).toBe(step);
    expect(verifyTotpCode(RFC_SECRET, code, now, step)).toBeNull();
  });

  it("makes 20-byte base32 secrets and an otpauth:// address apps read", () => {
    const secret = createTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(createTotpSecret()).not.toBe(secret);
    const uri = new URL(toTotpUri(secret, "casey@nhs.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("PSU London and KSS");
  });

  it("makes 10 different recovery codes from the alphabet without look-alikes", () => {
    const codes = createRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXY]{10}$/);
  });
});
