import type { ChoiceOption } from "./radios";

export type YesNo = "yes" | "no";

export const YES_NO_OPTIONS: readonly ChoiceOption<YesNo>[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** A yes or no radio's value for a boolean answer. */
export function toYesNo(answer: boolean | undefined): YesNo | undefined {
  return answer === undefined ? undefined : answer ? "yes" : "no";
}

/** The boolean answer for a yes or no radio's value. */
export function fromYesNo(value: YesNo | undefined): boolean | undefined {
  return value === undefined ? undefined : value === "yes";
}
