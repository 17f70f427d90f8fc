// The domain package's one public entry. Everything here is pure: zod schemas, data and
// functions with no clock or I/O, shared by the API and the web app.

export * from "./api/data-protection-api";
export * from "./api/error-body";
export * from "./api/published-links-api";
export * from "./api/referral-api";
export * from "./api/reports-api";
export * from "./api/staff-api";
export * from "./assignment/lead-suggestions";
export * from "./audit/audit-actions";
export * from "./calendar/calendar-date";
export * from "./calendar/london-time";
export * from "./cases/case-status";
export * from "./cases/case-transition-plan";
export * from "./cases/case-transitions";
export * from "./catalogue/documents";
export * from "./catalogue/groups";
export * from "./catalogue/services";
export * from "./catalogue/staff-labels";
export * from "./crisis/crisis-contact-schemas";
export * from "./crisis/crisis-contacts";
export * from "./eligibility/eligibility";
export * from "./eligibility/eligibility-answers";
export * from "./eligibility/signposts";
export * from "./references/reference";
export * from "./referrals/contact";
export * from "./referrals/equality-monitoring";
export * from "./referrals/recorded-referral";
export * from "./referrals/referral";
export * from "./referrals/referral-status";
export * from "./referrals/registration";
export * from "./referrals/trainee-messages";
export * from "./reports";
export * from "./sla/bank-holidays";
export * from "./sla/sla";
export * from "./sla/working-days";
export * from "./staff/staff";
