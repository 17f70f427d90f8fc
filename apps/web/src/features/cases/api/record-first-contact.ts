import { type CaseChangeTarget, sendCaseChange, useCaseChange } from "./send-case-change";

/** Records that the lead has made first contact now, stopping the first-contact clock. */
export function recordFirstContact(target: CaseChangeTarget) {
  return sendCaseChange(target, "first-contact", {});
}

export function useRecordFirstContact() {
  return useCaseChange(recordFirstContact);
}
