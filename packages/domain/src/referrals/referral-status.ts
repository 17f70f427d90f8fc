import type { CaseStatus } from "../cases/case-status";

// What a trainee sees on the status page. Staff statuses are finer than a trainee needs and
// some (information requested, first contact) would read as alarming or as promises, so
// several collapse into one.

export const TRAINEE_STATUSES = ["received", "being_reviewed", "allocated", "closed", "withdrawn"] as const;
export type TraineeStatus = (typeof TRAINEE_STATUSES)[number];

const TRAINEE_STATUS_BY_CASE_STATUS: Readonly<Record<CaseStatus, TraineeStatus>> = {
  new: "received",
  triage: "being_reviewed",
  information_requested: "being_reviewed",
  allocated: "allocated",
  first_contact: "allocated",
  in_support: "allocated",
  closed: "closed",
  withdrawn: "withdrawn",
};

/** The status a trainee sees for a case in the given staff-side status. */
export function toTraineeStatus(caseStatus: CaseStatus): TraineeStatus {
  return TRAINEE_STATUS_BY_CASE_STATUS[caseStatus];
}

/**
 * A title and a "what happens next" sentence per status. No deadlines in the text: the SLA is
 * configurable, and the dates the trainee is given come from the SLA clock instead.
 */
export const TRAINEE_STATUS_TEXT: Readonly<Record<TraineeStatus, { title: string; whatHappensNext: string }>> = {
  received: {
    title: "Received",
    whatHappensNext:
      "We have your referral. A coordinator will review it and contact you in the way you asked if they need to know more.",
  },
  being_reviewed: {
    title: "Being reviewed",
    whatHappensNext:
      "A coordinator is looking at your referral to find the right support. If we have asked you for more information, replying will help us move on.",
  },
  allocated: {
    title: "Allocated",
    whatHappensNext:
      "Your referral has been passed to a member of the PSU team who will support you. They will contact you, if they have not already.",
  },
  closed: {
    title: "Closed",
    whatHappensNext: "Your referral is closed. If you need support again, you can make a new referral at any time.",
  },
  withdrawn: {
    title: "Withdrawn",
    whatHappensNext: "You withdrew this referral. If you need support again, you can make a new referral at any time.",
  },
};
