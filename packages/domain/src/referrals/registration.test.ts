import { describe, expect, it } from "vitest";
import { ELIGIBILITY_GROUPS, type EligibilityGroup } from "../eligibility/eligibility-answers";
import {
  HCPC_PROFESSION_CODES,
  PROFESSIONAL_REGISTERS,
  type ProfessionalRegister,
  REGISTRATION_NUMBER_HINTS,
  RegistrationSchema,
  suggestRegisterForGroup,
  validateRegistrationNumber,
} from "./registration";

describe("validateRegistrationNumber accepts real formats and tidies them", () => {
  it.each<[ProfessionalRegister, string, string]>([
    ["GMC", "1234567", "1234567"],
    ["GMC", " 1234 567 ", "1234567"],
    ["GMC", "0123456", "0123456"],
    ["GDC", "123456", "123456"],
    ["GDC", "81234", "81234"],
    ["GDC", "7", "7"],
    ["GDC", "65 432", "65432"],
    ["GPhC", "2012345", "2012345"],
    ["GPhC", "5012345", "5012345"],
    ["GPhC", "2 012 345", "2012345"],
    ["NMC", "12A3456E", "12A3456E"],
    ["NMC", "12a3456e", "12A3456E"],
    ["NMC", "12A 3456E", "12A3456E"],
    ["NMC", "99A9999A", "99A9999A"],
    ["NMC", "05I1234O", "05I1234O"],
    ["HCPC", "PH123456", "PH123456"],
    ["HCPC", "ph 12345", "PH12345"],
    ["HCPC", "pyl-123456", "PYL123456"],
    ["HCPC", "ODP12345", "ODP12345"],
    ["HCPC", "HAD 1234", "HAD1234"],
    ["HCPC", "SL1", "SL1"],
    ["none", "", ""],
    ["none", "   ", ""],
  ])("%s %j becomes %j", (register, number, normalised) => {
    expect(validateRegistrationNumber(register, number)).toEqual({ ok: true, normalised });
  });

  it.each(Object.keys(HCPC_PROFESSION_CODES))("HCPC profession code %s is accepted", (code) => {
    expect(validateRegistrationNumber("HCPC", `${code}123456`)).toEqual({ ok: true, normalised: `${code}123456` });
  });
});

describe("validateRegistrationNumber refuses numbers that do not fit the register", () => {
  it.each<[ProfessionalRegister, string, string]>([
    ["GMC", "123456", "6 digits"],
    ["GMC", "12345678", "8 digits"],
    ["GMC", "123456A", "a letter"],
    ["GMC", "L123456", "an old limited-registration number"],
    ["GMC", "", "nothing"],
    ["GDC", "1234567", "7 digits"],
    ["GDC", "D12345", "a letter"],
    ["GDC", "", "nothing"],
    ["GPhC", "1234567", "a pharmacy premises number"],
    ["GPhC", "201234", "6 digits"],
    ["GPhC", "20123456", "8 digits"],
    ["GPhC", "", "nothing"],
    ["NMC", "123456E", "no letter after the year"],
    ["NMC", "12A34567", "a digit at the end"],
    ["NMC", "1AA3456E", "a letter in the year"],
    ["NMC", "12A3456", "nothing at the end"],
    ["NMC", "12A3456EE", "one letter too many"],
    ["NMC", "", "nothing"],
    ["HCPC", "XX123456", "an unknown profession code"],
    ["HCPC", "SW123456", "a social worker's code (now Social Work England)"],
    ["HCPC", "PH1234567", "7 digits"],
    ["HCPC", "PH", "no digits"],
    ["HCPC", "123456", "no profession code"],
    ["HCPC", "", "nothing"],
  ])("%s %j (%s)", (register, number) => {
    const result = validateRegistrationNumber(register, number);
    expect(result.ok).toBe(false);
    if (register !== "none") expect(result).toEqual({ ok: false, message: REGISTRATION_NUMBER_HINTS[register] });
  });

  it("asks for no number when the trainee is not on a register", () => {
    expect(validateRegistrationNumber("none", "1234567")).toEqual({
      ok: false,
      message: "Remove the registration number, or select the register it belongs to",
    });
  });

  it.each(PROFESSIONAL_REGISTERS.filter((register) => register !== "none"))(
    "the %s message names the register and gives an example",
    (register) => {
      const result = validateRegistrationNumber(register, "!");
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain(register);
        expect(result.message).toMatch(/for example \S+$/);
      }
    },
  );

  it("words the GMC message as the wizard shows it", () => {
    expect(validateRegistrationNumber("GMC", "12345")).toEqual({
      ok: false,
      message: "Enter your GMC number: 7 digits, for example 1234567",
    });
  });
});

describe("RegistrationSchema", () => {
  it("returns the tidied number", () => {
    expect(RegistrationSchema.parse({ register: "NMC", number: "12a 3456e" })).toEqual({
      register: "NMC",
      number: "12A3456E",
    });
  });

  it.each([
    ["a GMC number of the wrong length", { register: "GMC", number: "12345" }, ["number"]],
    ["a number with no register", { register: "none", number: "1234567" }, ["number"]],
    ["a number far too long", { register: "GMC", number: "1".repeat(21) }, ["number"]],
    ["a number that is not text", { register: "GMC", number: 1234567 }, ["number"]],
    ["an unknown register", { register: "GOC", number: "01-12345" }, ["register"]],
    ["nothing at all", undefined, []],
  ])("reports %s at the right path", (_case, input, path) => {
    const result = RegistrationSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([path]);
  });
});

describe("suggestRegisterForGroup", () => {
  // A Record, so a new group fails to compile here until someone decides its suggestion.
  const expected: Record<EligibilityGroup, ProfessionalRegister | null> = {
    doctor_or_dentist: null,
    gp_scheme: "GMC",
    caps_or_msw: null,
    healthcare_professional: null,
    pharmacy: "GPhC",
    none_of_these: null,
  };

  it.each(ELIGIBILITY_GROUPS)("%s", (group) => {
    expect(suggestRegisterForGroup(group)).toBe(expected[group]);
  });
});
