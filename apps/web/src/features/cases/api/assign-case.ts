import { type CaseChangeTarget, sendCaseChange, useCaseChange } from "./send-case-change";

/** Allocates the case to a lead the coordinator chose (from the suggestions). */
export function assignCase({ leadId, ...target }: CaseChangeTarget & { leadId: string }) {
  return sendCaseChange(target, "assign", { leadId });
}

export function useAssignCase() {
  return useCaseChange(assignCase);
}
