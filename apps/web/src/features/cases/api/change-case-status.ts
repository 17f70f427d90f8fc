import type { ChangeStatusRequestSchema } from "@psu/domain";
import type { z } from "zod";
import { type CaseChangeTarget, sendCaseChange, useCaseChange } from "./send-case-change";

export type ChangeStatusRequest = z.input<typeof ChangeStatusRequestSchema>;

/** Moves a case to another status through the domain's state machine. */
export function changeCaseStatus({ change, ...target }: CaseChangeTarget & { change: ChangeStatusRequest }) {
  return sendCaseChange(target, "status", change);
}

export function useChangeCaseStatus() {
  return useCaseChange(changeCaseStatus);
}
