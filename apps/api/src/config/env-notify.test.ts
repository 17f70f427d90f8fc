import { describe, expect, it } from "vitest";
import { EMAIL_KINDS } from "../modules/outbox/email-templates";
import { listConfigProblems } from "../test/config-problems";
import { parseConfig, toNotifyTemplateVariable } from "./env";

const SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
const SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
const API_KEY = `psu_live-${SERVICE_ID}-${SECRET}`;
const TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";
const TEMPLATES = Object.fromEntries(EMAIL_KINDS.map((kind) => [toNotifyTemplateVariable(kind), TEMPLATE_ID]));
const NOTIFY = { NOTIFY_API_KEY: API_KEY, ...TEMPLATES };

describe("sending email through GOV.UK Notify", () => {
  it("is off by default, and the embedded default needs none of its settings", () => {
    const config = parseConfig({});
    expect(config.mail.notify).toBeNull();
    expect(config.mail.smtpUrl).toBeUndefined();
    expect(parseConfig({ NOTIFY_API_KEY: "", NOTIFY_BASE_URL: " " }).mail.notify).toBeNull();
  });

  it("takes the key, a template for every kind of email and Notify's public API", () => {
    const notify = parseConfig(NOTIFY).mail.notify;
    expect(notify).toEqual({
      apiKey: API_KEY,
      baseUrl: "https://api.notifications.service.gov.uk",
      templates: Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, TEMPLATE_ID])),
    });
  });

  it("names one variable per kind, from the outbox's one list of kinds", () => {
    expect(toNotifyTemplateVariable("referral_received")).toBe("NOTIFY_TEMPLATE_REFERRAL_RECEIVED");
    expect(toNotifyTemplateVariable("staff_password_reset")).toBe("NOTIFY_TEMPLATE_STAFF_PASSWORD_RESET");
    expect(new Set(Object.keys(TEMPLATES)).size).toBe(EMAIL_KINDS.length);
  });

  it.each([
    ["another https URL", "https://notify.example.nhs.uk/", "https://notify.example.nhs.uk"],
    ["http on this machine, for tests", "http://127.0.0.1:4010", "http://127.0.0.1:4010"],
  ])("takes NOTIFY_BASE_URL as %s", (_case, value, expected) => {
    expect(parseConfig({ ...NOTIFY, NOTIFY_BASE_URL: value }).mail.notify?.baseUrl).toBe(expected);
  });

  it("needs a template for every kind of email, each named", () => {
    const [first, second] = EMAIL_KINDS;
    if (!first || !second) throw new Error("there are at least two kinds of email");
    const problems = listConfigProblems({
      ...NOTIFY,
      [toNotifyTemplateVariable(first)]: "",
      [toNotifyTemplateVariable(second)]: "template-one",
    });
    expect(problems).toEqual([
      `${toNotifyTemplateVariable(first)}: required with NOTIFY_API_KEY (the id of the ${first} template)`,
      `${toNotifyTemplateVariable(second)}: must be a template id (a UUID) from GOV.UK Notify`,
    ]);
  });

  it.each([
    ["without its name", `${SERVICE_ID}-${SECRET}`],
    ["without its secret", `psu_live-${SERVICE_ID}`],
    ["with a secret that is not a UUID", `psu_live-${SERVICE_ID}-${SECRET.slice(0, 30)}zzzzzz`],
    ["with a space", `psu live-${SERVICE_ID}-${SECRET}`],
  ])("refuses a key %s, naming the variable and never echoing the key", (_case, key) => {
    const problems = listConfigProblems({ ...NOTIFY, NOTIFY_API_KEY: key });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^NOTIFY_API_KEY: must be a GOV\.UK Notify API key/);
    expect(problems.join("\n")).not.toContain(SECRET.slice(0, 8));
    expect(problems.join("\n")).not.toContain(SERVICE_ID.slice(0, 8));
  });

  it("lists every problem at once, with the rest of the configuration's, and never echoes a value", () => {
    const problems = listConfigProblems({
      ...NOTIFY,
      NOTIFY_API_KEY: `oops-${SECRET}`,
      SMTP_URL: "smtp://mailer:hunter2@smtp.example.nhs.uk",
      NOTIFY_BASE_URL: "http://notify.example.nhs.uk",
      NOTIFY_TEMPLATE_REFERAL_RECEIVED: TEMPLATE_ID,
      PORT: "eighty",
    });
    expect(problems).toEqual([
      expect.stringMatching(/^PORT: /),
      `NOTIFY_TEMPLATE_REFERAL_RECEIVED: no email of that kind (the kinds are ${EMAIL_KINDS.join(", ")})`,
      expect.stringMatching(/^NOTIFY_API_KEY: must be a GOV\.UK Notify API key/),
      "SMTP_URL: choose one way to send email, SMTP_URL or NOTIFY_API_KEY (GOV.UK Notify), not both",
      "NOTIFY_BASE_URL: must be an https:// URL (http:// only on localhost, for tests)",
    ]);
    expect(problems.join("\n")).not.toMatch(/hunter2|3d844edf|notify\.example/);
  });

  it("refuses its other settings without NOTIFY_API_KEY, so a half-done switch to Notify is not silently SMTP or the log", () => {
    expect(listConfigProblems({ ...TEMPLATES, NOTIFY_BASE_URL: "https://notify.example.nhs.uk" })).toEqual([
      ...Object.keys(TEMPLATES).map((name) => `${name}: only with NOTIFY_API_KEY (sending through GOV.UK Notify)`),
      "NOTIFY_BASE_URL: only with NOTIFY_API_KEY (sending through GOV.UK Notify)",
    ]);
  });
});
