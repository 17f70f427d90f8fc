import { type CaseChangeTarget, sendCaseChange, useCaseChange } from "./send-case-change";

/** Raises or clears the safety-concern flag, always with a reason. */
export function setSafetyFlag({ flagged, reason, ...target }: CaseChangeTarget & { flagged: boolean; reason: string }) {
  return sendCaseChange(target, "safety-flag", { flagged, reason });
}

export function useSetSafetyFlag() {
  return useCaseChange(setSafetyFlag);
}
