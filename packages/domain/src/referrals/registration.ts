import { z } from "zod";
import type { EligibilityGroup } from "../eligibility/eligibility-answers";
import { createSingleLineTextSchema } from "../text/text-input";

// Professional registration as a trainee types it. The formats come from the regulators and
// the NHS identifier standards (UK Core Practitioner identifiers, NHS Data Dictionary):
// - GMC reference number: 7 digits.
// - GDC registration number: digits only, up to 6 (older dentists have shorter numbers).
// - GPhC registration number: 7 digits; pharmacists' start with 2, pharmacy technicians' with 5
//   (premises numbers start with 1, so one typed by mistake is caught).
// - NMC PIN: 2 digits, a letter, 4 digits, a letter (NNANNNNA), for example 12A3456E.
// - HCPC registration number: the profession code, then up to 6 digits (PH123456, PYL123456).
// We check the shape only: whether the number is on the register is for staff to confirm.

export const PROFESSIONAL_REGISTERS = ["GMC", "GDC", "GPhC", "NMC", "HCPC", "none"] as const;
const SELECT_REGISTER = "Select the register you are on, or that you are not on one yet";
export const ProfessionalRegisterSchema = z.enum(PROFESSIONAL_REGISTERS, { error: SELECT_REGISTER });
export type ProfessionalRegister = z.infer<typeof ProfessionalRegisterSchema>;

/** Names of the registers for the radios on the details page. */
export const PROFESSIONAL_REGISTER_LABELS: Readonly<Record<ProfessionalRegister, string>> = {
  GMC: "General Medical Council (GMC)",
  GDC: "General Dental Council (GDC)",
  GPhC: "General Pharmaceutical Council (GPhC)",
  NMC: "Nursing and Midwifery Council (NMC)",
  HCPC: "Health and Care Professions Council (HCPC)",
  none: "I am not on a professional register yet",
};

/**
 * The 15 profession codes that start an HCPC registration number, as the HCPC publishes them.
 * Social workers in England (SW) left for Social Work England in 2019, so SW is not here.
 */
export const HCPC_PROFESSION_CODES = {
  AS: "Arts therapists",
  BS: "Biomedical scientists",
  CH: "Chiropodists and podiatrists",
  CS: "Clinical scientists",
  DT: "Dietitians",
  HAD: "Hearing aid dispensers",
  ODP: "Operating department practitioners",
  OR: "Orthoptists",
  OT: "Occupational therapists",
  PA: "Paramedics",
  PH: "Physiotherapists",
  PO: "Prosthetists and orthotists",
  PYL: "Practitioner psychologists",
  RA: "Radiographers",
  SL: "Speech and language therapists",
} as const;
export type HcpcProfessionCode = keyof typeof HCPC_PROFESSION_CODES;

/** Longest registration number accepted as typed, spaces included; the longest real one is 9 characters. */
export const REGISTRATION_NUMBER_MAX_LENGTH = 20;

type RegisteredWith = Exclude<ProfessionalRegister, "none">;

/** What to tell the trainee about each register's number: the input's hint, and the error when it does not fit. */
export const REGISTRATION_NUMBER_HINTS: Readonly<Record<RegisteredWith, string>> = {
  GMC: "Enter your GMC number: 7 digits, for example 1234567",
  GDC: "Enter your GDC number: up to 6 digits, for example 123456",
  GPhC: "Enter your GPhC number: 7 digits starting with 2 (pharmacists) or 5 (pharmacy technicians), for example 2012345",
  NMC: "Enter your NMC PIN: 2 numbers, a letter, 4 numbers and a letter, for example 12A3456E",
  HCPC: "Enter your HCPC number: your profession's letters then up to 6 numbers, for example PH123456",
};

const REGISTRATION_NUMBER_PATTERNS: Readonly<Record<RegisteredWith, RegExp>> = {
  GMC: /^\d{7}$/,
  GDC: /^\d{1,6}$/,
  GPhC: /^[25]\d{6}$/,
  NMC: /^\d{2}[A-Z]\d{4}[A-Z]$/,
  HCPC: new RegExp(`^(${Object.keys(HCPC_PROFESSION_CODES).join("|")})\\d{1,6}$`),
};

export type RegistrationNumberValidation = { ok: true; normalised: string } | { ok: false; message: string };

// People copy numbers from badges and letters: "12A 3456E", "ph-123456", "1234 567".
const TYPING_SEPARATORS = /[\s\u2010-\u2015\u2212.-]/g;

/** Checks a registration number against its register's format and tidies it (no spaces, capitals). */
export function validateRegistrationNumber(
  register: ProfessionalRegister,
  number: string,
): RegistrationNumberValidation {
  const normalised = number.replace(TYPING_SEPARATORS, "").toUpperCase();
  if (register === "none") {
    return normalised === ""
      ? { ok: true, normalised }
      : { ok: false, message: "Remove the registration number, or select the register it belongs to" };
  }
  return REGISTRATION_NUMBER_PATTERNS[register].test(normalised)
    ? { ok: true, normalised }
    : { ok: false, message: REGISTRATION_NUMBER_HINTS[register] };
}

/** A register and number; the number is checked against the register's format and returned tidied. */
export const RegistrationSchema = z
  .object(
    {
      register: ProfessionalRegisterSchema,
      number: createSingleLineTextSchema("Registration number", {
        error: "Enter your registration number, or leave it empty if you are not registered",
      })
        // Aborts, so an over-long number is reported once rather than again as the wrong format.
        .max(REGISTRATION_NUMBER_MAX_LENGTH, {
          error: `Registration number must be ${REGISTRATION_NUMBER_MAX_LENGTH} characters or fewer`,
          abort: true,
        }),
    },
    { error: SELECT_REGISTER },
  )
  .superRefine(({ register, number }, context) => {
    const result = validateRegistrationNumber(register, number);
    if (!result.ok) context.addIssue({ code: "custom", message: result.message, path: ["number"], input: number });
  })
  .transform(({ register, number }) => {
    const result = validateRegistrationNumber(register, number);
    // Always ok here: the refinement above has already turned away every number that is not.
    return { register, number: result.ok ? result.normalised : number };
  });
export type Registration = z.infer<typeof RegistrationSchema>;

/** The register to preselect for a group, or null when the group spans registers and the trainee must choose. */
export function suggestRegisterForGroup(group: EligibilityGroup): ProfessionalRegister | null {
  switch (group) {
    // GP scheme doctors (I&R, Retainer, IGPR) are doctors on the GMC register.
    case "gp_scheme":
      return "GMC";
    // Trainee and foundation pharmacists and pharmacy technicians are GPhC's (or not registered yet).
    case "pharmacy":
      return "GPhC";
    // Doctors or dentists: GMC or GDC. Medical support workers are often not yet GMC registered.
    // Healthcare professionals: NMC or HCPC.
    case "doctor_or_dentist":
    case "caps_or_msw":
    case "healthcare_professional":
    case "none_of_these":
      return null;
  }
}
