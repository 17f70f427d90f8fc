import type {
  Concern,
  EligibilityGroup,
  HowSoon,
  PharmacyRoute,
  PreferredContact,
  RecordedChannel,
  Referrer,
  Region,
  TrainingNumberStatus,
  WorkPattern,
} from "@psu/domain";

// The answers in a coordinator's words: the same choices as the trainee's wizard, said about
// the trainee ("they") rather than to them ("you").

export const CHANNEL_LABELS: Readonly<Record<RecordedChannel, string>> = {
  email: "By email to the coordinators",
  phone: "By phone",
};

export const REFERRER_LABELS: Readonly<Record<Referrer, string>> = {
  self: "The trainee, for themselves",
  someone_else: "Someone else, on the trainee's behalf",
};

export const REGION_LABELS: Readonly<Record<Region, string>> = {
  london: "London",
  kss: "Kent, Surrey or Sussex",
  elsewhere: "Somewhere else",
};

export const GROUP_LABELS: Readonly<Record<EligibilityGroup, string>> = {
  doctor_or_dentist: "A postgraduate doctor or dentist in training (foundation years included)",
  healthcare_professional: "A healthcare professional on a training scheme",
  pharmacy: "In pharmacy training",
  gp_scheme: "A doctor on a GP scheme (Induction and Returning, Retainer or International GP Recruitment)",
  caps_or_msw: "A doctor on the Clinical Apprenticeship Scheme or the Medical Support Worker programme",
  none_of_these: "None of these",
};

export const TRAINING_NUMBER_LABELS: Readonly<Record<TrainingNumberStatus, string>> = {
  current: "Yes, they hold one now, or are in a London or KSS foundation programme",
  ended: "They did, but it has ended",
  none: "No",
};

export const PHARMACY_ROUTE_LABELS: Readonly<Record<PharmacyRoute, string>> = {
  foundation_trainee_pharmacist: "Foundation trainee pharmacist (pre-registration)",
  trainee_pharmacy_technician: "Trainee pharmacy technician employed by a Trust",
  foundation_pharmacist: "Foundation pharmacist, in their first 2 years after registration",
  gp_pharmacist_pathway: "Pharmacist on the 18-month GP pharmacist training pathway",
  other: "None of these",
};

export const CONCERN_LABELS: Readonly<Record<Concern, string>> = {
  contract: "Their contract, pay or terms of employment",
  physical_health: "Their physical health",
  rotation: "Their rotation or placement",
  other: "Something else",
};

export const PREFERRED_CONTACT_LABELS: Readonly<Record<PreferredContact, string>> = {
  email: "Email",
  phone: "Phone",
  either: "Either",
};

export const WORK_PATTERN_LABELS: Readonly<Record<WorkPattern, string>> = {
  full_time: "Full time",
  less_than_full_time: "Less than full time",
};

export const HOW_SOON_LABELS: Readonly<Record<HowSoon, string>> = {
  urgent_within_a_week: "Within a week",
  soon_within_a_month: "Within a month",
  when_possible: "When the unit can",
};
