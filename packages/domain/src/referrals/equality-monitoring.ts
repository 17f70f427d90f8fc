import { z } from "zod";
import { keysOf } from "../keys-of";

// Optional equality monitoring, asked after a referral and held apart from case data. The
// categories follow the ONS 2021 Census for England and the GSS harmonised standards, so the
// PSU's figures compare with the public sector's. Every question can be skipped or answered
// "prefer not to say", and nothing here is free text: a write-in could identify someone in
// small aggregate counts.

/** A question's labels with "prefer not to say" last: every question offers it. */
function withPreferNotToSay<const Labels extends Record<string, string>>(labels: Labels) {
  return { ...labels, prefer_not_to_say: "Prefer not to say" } as const;
}

/**
 * Every answer code, question by question, in the form's order, with its plain English label.
 * Each question's list of codes (and so the schema) is derived from these.
 */
export const EQUALITY_LABELS = {
  ageBand: withPreferNotToSay({
    "16_24": "16 to 24",
    "25_29": "25 to 29",
    "30_34": "30 to 34",
    "35_39": "35 to 39",
    "40_44": "40 to 44",
    "45_49": "45 to 49",
    "50_54": "50 to 54",
    "55_59": "55 to 59",
    "60_64": "60 to 64",
    "65_plus": "65 or over",
  }),
  sex: withPreferNotToSay({ female: "Female", male: "Male" }),
  genderSameAsAtBirth: withPreferNotToSay({ yes: "Yes", no: "No" }),
  sexualOrientation: withPreferNotToSay({
    heterosexual: "Straight or heterosexual",
    gay_or_lesbian: "Gay or lesbian",
    bisexual: "Bisexual",
    other: "Other sexual orientation",
  }),
  ethnicity: withPreferNotToSay({
    asian_bangladeshi: "Bangladeshi",
    asian_chinese: "Chinese",
    asian_indian: "Indian",
    asian_pakistani: "Pakistani",
    asian_other: "Any other Asian background",
    black_african: "African",
    black_caribbean: "Caribbean",
    black_other: "Any other Black, Black British or Caribbean background",
    mixed_white_and_asian: "White and Asian",
    mixed_white_and_black_african: "White and Black African",
    mixed_white_and_black_caribbean: "White and Black Caribbean",
    mixed_other: "Any other Mixed or Multiple ethnic background",
    white_british: "English, Welsh, Scottish, Northern Irish or British",
    white_irish: "Irish",
    white_gypsy_or_irish_traveller: "Gypsy or Irish Traveller",
    white_roma: "Roma",
    white_other: "Any other White background",
    other_arab: "Arab",
    other_any: "Any other ethnic group",
  }),
  religion: withPreferNotToSay({
    no_religion: "No religion",
    christian: "Christian (including Church of England, Catholic, Protestant and all other Christian denominations)",
    buddhist: "Buddhist",
    hindu: "Hindu",
    jewish: "Jewish",
    muslim: "Muslim",
    sikh: "Sikh",
    other: "Any other religion",
  }),
  disability: withPreferNotToSay({ yes: "Yes", no: "No" }),
} as const;

export const AGE_BANDS = keysOf(EQUALITY_LABELS.ageBand);
export type AgeBand = (typeof AGE_BANDS)[number];

export const SEXES = keysOf(EQUALITY_LABELS.sex);
export type Sex = (typeof SEXES)[number];

export const GENDER_SAME_AS_AT_BIRTH_ANSWERS = keysOf(EQUALITY_LABELS.genderSameAsAtBirth);
export type GenderSameAsAtBirth = (typeof GENDER_SAME_AS_AT_BIRTH_ANSWERS)[number];

export const SEXUAL_ORIENTATIONS = keysOf(EQUALITY_LABELS.sexualOrientation);
export type SexualOrientation = (typeof SEXUAL_ORIENTATIONS)[number];

/** The 19 ONS 2021 ethnic groups for England, in the census's order, then "prefer not to say". */
export const ETHNICITIES = keysOf(EQUALITY_LABELS.ethnicity);
export type Ethnicity = (typeof ETHNICITIES)[number];

export const RELIGIONS = keysOf(EQUALITY_LABELS.religion);
export type Religion = (typeof RELIGIONS)[number];

export const DISABILITY_ANSWERS = keysOf(EQUALITY_LABELS.disability);
export type DisabilityAnswer = (typeof DISABILITY_ANSWERS)[number];

const SELECT_FROM_LIST = "Select an answer from the list, or leave the question blank";

function createAnswerSchema<const Codes extends readonly [string, ...string[]]>(codes: Codes) {
  return z.enum(codes, { error: SELECT_FROM_LIST }).optional();
}

/** A trainee's equality monitoring answers; every question is optional. */
export const EqualityMonitoringSchema = z.object({
  ageBand: createAnswerSchema(AGE_BANDS),
  sex: createAnswerSchema(SEXES),
  genderSameAsAtBirth: createAnswerSchema(GENDER_SAME_AS_AT_BIRTH_ANSWERS),
  sexualOrientation: createAnswerSchema(SEXUAL_ORIENTATIONS),
  ethnicity: createAnswerSchema(ETHNICITIES),
  religion: createAnswerSchema(RELIGIONS),
  disability: createAnswerSchema(DISABILITY_ANSWERS),
});
export type EqualityMonitoring = z.infer<typeof EqualityMonitoringSchema>;
export type EqualityQuestion = keyof EqualityMonitoring;

/** Each question's wording, as the form's legend. */
export const EQUALITY_QUESTIONS: Readonly<Record<EqualityQuestion, string>> = {
  ageBand: "What is your age?",
  sex: "What is your sex?",
  genderSameAsAtBirth: "Is the gender you identify with the same as your sex registered at birth?",
  sexualOrientation: "Which of the following best describes your sexual orientation?",
  ethnicity: "What is your ethnic group?",
  religion: "What is your religion?",
  disability:
    "Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?",
};

/** The questions, in the form's order. */
export const EQUALITY_QUESTION_KEYS = keysOf(EQUALITY_QUESTIONS);

/** The ONS high-level ethnic groups, to show the 19 ethnicities under their headings. */
export const ETHNIC_GROUPS: readonly { heading: string; ethnicities: readonly Ethnicity[] }[] = [
  {
    heading: "Asian, Asian British or Asian Welsh",
    ethnicities: ["asian_bangladeshi", "asian_chinese", "asian_indian", "asian_pakistani", "asian_other"],
  },
  {
    heading: "Black, Black British, Black Welsh, Caribbean or African",
    ethnicities: ["black_african", "black_caribbean", "black_other"],
  },
  {
    heading: "Mixed or Multiple ethnic groups",
    ethnicities: [
      "mixed_white_and_asian",
      "mixed_white_and_black_african",
      "mixed_white_and_black_caribbean",
      "mixed_other",
    ],
  },
  {
    heading: "White",
    ethnicities: ["white_british", "white_irish", "white_gypsy_or_irish_traveller", "white_roma", "white_other"],
  },
  { heading: "Other ethnic group", ethnicities: ["other_arab", "other_any"] },
];
