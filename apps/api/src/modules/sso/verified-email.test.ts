import { describe, expect, it } from "vitest";
import { findVerifiedEmail } from "./verified-email";

const STANDARD = "https://id.example.nhs.uk";
const ENTRA = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0";

describe("findVerifiedEmail", () => {
  it.each([
    [
      "a standard provider vouching for the email",
      { iss: STANDARD, email: "Ann@Trust.NHS.uk", email_verified: true },
      { kind: "verified", email: "ann@trust.nhs.uk" },
    ],
    [
      "a standard provider that has not verified it",
      { iss: STANDARD, email: "ann@trust.nhs.uk", email_verified: false },
      { kind: "unverified" },
    ],
    ["a standard provider that does not say", { iss: STANDARD, email: "ann@trust.nhs.uk" }, { kind: "unverified" }],
    [
      'the string "true" (not a boolean)',
      { iss: STANDARD, email: "ann@trust.nhs.uk", email_verified: "true" },
      { kind: "unverified" },
    ],
    ["no email claim", { iss: STANDARD, email_verified: true }, { kind: "missing" }],
    [
      "an email claim that is not an address",
      { iss: STANDARD, email: "ann", email_verified: true },
      { kind: "missing" },
    ],
    [
      "Entra with xms_edov (the tenant owns the domain)",
      { iss: ENTRA, email: "ann@nhs.net", xms_edov: true },
      { kind: "verified", email: "ann@nhs.net" },
    ],
    ["Entra without xms_edov", { iss: ENTRA, email: "ann@nhs.net" }, { kind: "unverified" }],
    ["Entra with xms_edov false", { iss: ENTRA, email: "ann@nhs.net", xms_edov: false }, { kind: "unverified" }],
    [
      "Entra saying email_verified false, whatever xms_edov says",
      { iss: ENTRA, email: "ann@nhs.net", email_verified: false, xms_edov: true },
      { kind: "unverified" },
    ],
    [
      "xms_edov from a provider that is not Entra",
      { iss: STANDARD, email: "ann@nhs.net", xms_edov: true },
      { kind: "unverified" },
    ],
  ])("%s", (_name, claims, expected) => {
    expect(findVerifiedEmail(claims)).toEqual(expected);
  });
});
