import { describe, expect, it } from "vitest";
import { listConfigProblems } from "../test/config-problems";
import { parseConfig } from "./env";

const ENTRA = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0";
const SSO = {
  OIDC_ISSUER_URL: ENTRA,
  OIDC_CLIENT_ID: "5f2c1c7e-0000-4000-8000-000000000001",
  OIDC_CLIENT_SECRET: "a-client-secret-value",
  OIDC_REDIRECT_URL: "https://psu.example.nhs.uk/api/auth/sso/callback",
};

describe("single sign-on settings", () => {
  it("are off by default, with password sign-in on", () => {
    const config = parseConfig({});
    expect(config.sso).toBeNull();
    expect(config.passwordSignIn).toBe(true);
  });

  it("take all four OIDC settings, with a default button label", () => {
    expect(parseConfig(SSO).sso).toEqual({
      issuerUrl: ENTRA,
      clientId: SSO.OIDC_CLIENT_ID,
      clientSecret: SSO.OIDC_CLIENT_SECRET,
      redirectUrl: SSO.OIDC_REDIRECT_URL,
      buttonLabel: "Sign in with your organisation account",
    });
    expect(parseConfig({ ...SSO, OIDC_BUTTON_LABEL: "Sign in with your NHS account" }).sso?.buttonLabel).toBe(
      "Sign in with your NHS account",
    );
  });

  it("name every missing one when only some are given, and never echo the secret", () => {
    const problems = listConfigProblems({ OIDC_ISSUER_URL: ENTRA, OIDC_CLIENT_SECRET: "hunter2-secret" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual(["OIDC_CLIENT_ID", "OIDC_REDIRECT_URL"]);
    expect(problems.join("\n")).not.toContain("hunter2");
  });

  it("treat empty values as unset", () => {
    expect(parseConfig({ OIDC_ISSUER_URL: "", OIDC_CLIENT_ID: " " }).sso).toBeNull();
  });

  it.each([
    ["OIDC_ISSUER_URL", "http://login.example.com", "https"],
    ["OIDC_ISSUER_URL", "not a url", "must be a URL"],
    ["OIDC_REDIRECT_URL", "http://psu.example.nhs.uk/api/auth/sso/callback", "https"],
    ["OIDC_ISSUER_URL", "https://login.microsoftonline.com/common/v2.0", "tenant"],
    ["OIDC_ISSUER_URL", "https://login.microsoftonline.com/organizations/v2.0", "tenant"],
  ])("refuse %s=%s", (name, value, words) => {
    const problems = listConfigProblems({ ...SSO, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: .*${words}`));
  });

  it("allow http only on this machine (a test provider)", () => {
    expect(parseConfig({ ...SSO, OIDC_ISSUER_URL: "http://127.0.0.1:4000" }).sso?.issuerUrl).toBe(
      "http://127.0.0.1:4000",
    );
  });

  it("let password sign-in be switched off only with single sign-on configured", () => {
    expect(parseConfig({ ...SSO, PASSWORD_SIGN_IN: "false" }).passwordSignIn).toBe(false);
    expect(listConfigProblems({ PASSWORD_SIGN_IN: "false" })[0]).toMatch(
      /^PASSWORD_SIGN_IN: may be false only when single sign-on/,
    );
    expect(listConfigProblems({ PASSWORD_SIGN_IN: "no" })[0]).toMatch(/^PASSWORD_SIGN_IN: /);
  });
});
