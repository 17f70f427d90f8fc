import type { CaseStatus } from "../cases/case-status";
import { DEFAULT_SLA_CONFIG } from "../sla/sla";
import { describeAllocationPromise, describeNextSteps } from "./trainee-messages";

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

export const TRAINEE_STATUS_TITLES: Readonly<Record<TraineeStatus, string>> = {
  received: "Received",
  being_reviewed: "Being reviewed",
  allocated: "Allocated",
  closed: "Closed",
  withdrawn: "Withdrawn",
};

/**
 * "What happens next" for a status, promising only what staff are measured by (trainee-messages.ts):
 * the same words as the confirmation page and the emails. `triageDueOn` is the triage clock's due date.
 */
export function describeWhatHappensNext(status: TraineeStatus, triageDueOn: string): string[] {
  switch (status) {
    case "received":
      return ["We have your referral.", ...describeNextSteps(triageDueOn)];
    case "being_reviewed":
      return [
        "A PSU coordinator is reviewing your referral to find the right support. If we need more information from you, we will email you to say so.",
        describeAllocationPromise(),
      ];
    case "allocated":
      return [
        "Your referral has been allocated to a member of the PSU team who will support you. " +
          `They will contact you within ${DEFAULT_SLA_CONFIG.firstContactWorkingDays} working days of the allocation, in the way you asked us to, if they have not already.`,
      ];
    case "closed":
      return ["Your referral is closed. If you need support again, you can make a new referral at any time."];
    case "withdrawn":
      return ["You withdrew this referral. If you need support again, you can make a new referral at any time."];
  }
}
