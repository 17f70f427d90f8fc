import { describe, expect, it } from "vitest";
import { lowercaseEmailDomain, PersonalEmailSchema, UK_PHONE_MESSAGE, UkPhoneSchema } from "./contact";

describe("UkPhoneSchema accepts UK numbers as people type them", () => {
  it.each([
    ["a mobile", "07700900982", "+447700900982"],
    ["a mobile with spaces", "07700 900 982", "+447700900982"],
    ["a mobile with +44", "+44 7700 900982", "+447700900982"],
    ["a mobile in E.164", "+447700900982", "+447700900982"],
    ["a mobile with 0044", "0044 7700 900982", "+447700900982"],
    ["a mobile with +44 (0)", "+44 (0) 7700 900982", "+447700900982"],
    ["a mobile with brackets and dashes", "(07700) 900-982", "+447700900982"],
    ["a mobile with typographic dashes and padding", "  07700\u2013900\u2013982 ", "+447700900982"],
    ["a London landline", "020 7946 0000", "+442079460000"],
    ["a London landline in brackets", "(020) 7946 0000", "+442079460000"],
    ["a London landline with +44", "+44 20 7946 0000", "+442079460000"],
    ["a London landline with +44 (0)", "+44 (0)20 7946 0000", "+442079460000"],
    ["a Leeds landline", "0113 496 0000", "+441134960000"],
    ["a landline with a 5-digit code", "01632 960001", "+441632960001"],
    ["a landline with a 9-digit national number", "016977 3456", "+44169773456"],
    ["an Isle of Man mobile", "07624 123456", "+447624123456"],
  ])("%s: %j", (_case, typed, e164) => {
    expect(UkPhoneSchema.parse(typed)).toBe(e164);
  });
});

describe("UkPhoneSchema refuses anything else", () => {
  it.each([
    ["a US number", "+1 202 555 0100"],
    ["a US number with 00", "001 202 555 0100"],
    ["a mobile one digit short", "07700 90098"],
    ["a mobile one digit long", "07700 9009821"],
    ["a London number one digit short", "020 7946 000"],
    ["letters", "07700 9OO982"],
    ["words", "call me on my mobile"],
    ["44 without the plus", "44 7700 900982"],
    ["a freephone number", "0800 123 4567"],
    ["a personal number", "07000 123456"],
    ["a pager number", "07600 123456"],
    ["an extension", "020 7946 0000 ext 12"],
    ["too much text", `0${"7".repeat(40)}`],
  ])("%s: %j", (_case, typed) => {
    const result = UkPhoneSchema.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([UK_PHONE_MESSAGE]);
  });

  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["missing", undefined],
  ])("asks for a number when it is %s", (_case, typed) => {
    expect(UkPhoneSchema.safeParse(typed).error?.issues.map((issue) => issue.message)).toEqual([
      "Enter your phone number",
    ]);
  });
});

describe("PersonalEmailSchema", () => {
  it.each([
    ["Alex.Example@Example.COM", "Alex.Example@example.com"],
    ["  alex@example.co.uk ", "alex@example.co.uk"],
    ["alex+psu@mail.example.org", "alex+psu@mail.example.org"],
  ])("accepts %j as %j", (typed, parsed) => {
    expect(PersonalEmailSchema.parse(typed)).toBe(parsed);
  });

  it.each([
    ["no @", "alex.example.com"],
    ["nothing after @", "alex@"],
    ["nothing before @", "@example.com"],
    ["a space inside", "alex example@example.com"],
    ["no domain dot", "alex@example"],
  ])("refuses %s as not an email address", (_case, typed) => {
    expect(PersonalEmailSchema.safeParse(typed).error?.issues.map((issue) => issue.message)).toEqual([
      "Enter an email address in the correct format, like name@example.com",
    ]);
  });

  it.each([
    ["empty", "", "Enter your personal email address"],
    ["blank", "   ", "Enter your personal email address"],
    ["255 characters", `${"a".repeat(243)}@example.com`, "Email address must be 254 characters or fewer"],
  ])("refuses %s", (_case, typed, message) => {
    expect(PersonalEmailSchema.safeParse(typed).error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it("accepts 254 characters", () => {
    const email = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`;
    expect(email).toHaveLength(254);
    expect(PersonalEmailSchema.parse(email)).toBe(email);
  });
});

describe("lowercaseEmailDomain", () => {
  it.each([
    ["Name@Example.COM", "Name@example.com"],
    ['"odd@local"@Example.com', '"odd@local"@example.com'],
    ["no-at-sign", "no-at-sign"],
  ])("%j -> %j", (email, expected) => {
    expect(lowercaseEmailDomain(email)).toBe(expected);
  });
});
