import type { ReactNode } from "react";
import { Checkboxes } from "./checkboxes";
import type { LegendProps } from "./fieldset";

type ConfirmCheckboxProps = LegendProps & {
  /** The input's name and id, which the error summary links to. */
  name: string;
  /** What ticking the box confirms ("I have read the policy"). */
  label: ReactNode;
  value: boolean;
  onChange: (value: boolean) => void;
  hint?: ReactNode;
  error?: string | undefined;
};

/** One checkbox that confirms something, in a fieldset of its own: ticked is true. */
export function ConfirmCheckbox({ label, value, onChange, ...list }: ConfirmCheckboxProps) {
  return (
    <Checkboxes
      {...list}
      options={[{ value: "yes", label }]}
      values={value ? ["yes"] : []}
      onChange={(ticked) => onChange(ticked.length > 0)}
    />
  );
}
