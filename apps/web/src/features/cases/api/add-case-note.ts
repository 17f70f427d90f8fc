import { type CaseChangeTarget, sendCaseChange, useCaseChange } from "./send-case-change";

/** Adds an internal note (never shown to the trainee). */
export function addCaseNote({ text, ...target }: CaseChangeTarget & { text: string }) {
  return sendCaseChange(target, "notes", { text });
}

export function useAddCaseNote() {
  return useCaseChange(addCaseNote);
}
