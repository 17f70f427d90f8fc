import type { LeadKind, ServiceId } from "./services";

// Staff-facing words for services and lead kinds. Staff read these all day, so they are shorter
// than the trainee's wording (the catalogue's service names are written for trainees).

export const SERVICE_SHORT_NAMES: Readonly<Record<ServiceId, string>> = {
  spoc: "SPOC",
  ist: "IST",
  coaching: "Coaching",
  careers: "Careers",
  mental_health: "Mental health",
  communication_skills: "Communication skills",
  dyslexia: "Dyslexia",
  supported_return: "Supported return",
  differential_attainment: "Differential attainment",
  neurodiversity_resources: "Neurodiversity resources",
  development_courses: "Development courses",
  wellbeing_resources: "Wellbeing resources",
};

export const LEAD_KIND_LABELS: Readonly<Record<LeadKind, string>> = {
  spoc: "SPOC",
  ist: "IST",
  coaching: "Coaching",
  careers: "Careers",
  mental_health: "Mental health",
  communication_skills: "Communication skills",
  dyslexia: "Dyslexia",
  return_to_training: "Supported return",
};
