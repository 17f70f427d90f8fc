import type {
  Concern,
  EligibilityGroup,
  HowSoon,
  PharmacyRoute,
  PreferredContact,
  Referrer,
  Region,
  TrainingNumberStatus,
  WorkPattern,
} from "@psu/domain";

// The words for each answer, shared by the question pages (as radio labels) and "Check your answers".

export const REFERRER_LABELS: Record<Referrer, string> = {
  self: "I am referring myself",
  someone_else: "I am referring someone else",
};

export const REGION_LABELS: Record<Region, string> = {
  london: "London",
  kss: "Kent, Surrey or Sussex",
  elsewhere: "Somewhere else",
};

export const GROUP_LABELS: Record<EligibilityGroup, string> = {
  doctor_or_dentist: "A postgraduate doctor or dentist in training",
  healthcare_professional: "A healthcare professional on a training scheme",
  pharmacy: "In pharmacy training",
  gp_scheme: "A doctor on a GP scheme",
  caps_or_msw: "A doctor on the Clinical Apprenticeship Scheme or the Medical Support Worker programme",
  none_of_these: "None of these",
};

export const TRAINING_NUMBER_LABELS: Record<TrainingNumberStatus, string> = {
  // Foundation doctors hold no national training number but count as holding one (the unit supports
  // "Foundation years until CCT"), so "yes" must read true for them here and on "Check your answers".
  current: "Yes, I hold one now or I am in a foundation programme",
  ended: "I did, but it has ended",
  none: "No",
};

export const PHARMACY_ROUTE_LABELS: Record<PharmacyRoute, string> = {
  foundation_trainee_pharmacist: "Foundation trainee pharmacist (pre-registration)",
  trainee_pharmacy_technician: "Trainee pharmacy technician employed by a Trust",
  foundation_pharmacist: "Foundation pharmacist, in my first 2 years after registration",
  gp_pharmacist_pathway: "Pharmacist on the 18-month GP pharmacist training pathway",
  other: "None of these",
};

export const CONCERN_LABELS: Record<Concern, string> = {
  contract: "Your contract, pay or terms of employment",
  physical_health: "Your physical health",
  rotation: "Your rotation or placement",
  other: "Something else",
};

export const PREFERRED_CONTACT_LABELS: Record<PreferredContact, string> = {
  email: "Email",
  phone: "Phone",
  either: "Either",
};

export const WORK_PATTERN_LABELS: Record<WorkPattern, string> = {
  full_time: "Full time",
  less_than_full_time: "Less than full time",
};

export const HOW_SOON_LABELS: Record<HowSoon, string> = {
  urgent_within_a_week: "Within a week",
  soon_within_a_month: "Within a month",
  when_possible: "When you can",
};
