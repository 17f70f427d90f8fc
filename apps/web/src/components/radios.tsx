import type { ReactNode } from "react";
import { ChoiceList, type ChoiceOption } from "./choice-list";
import type { LegendProps } from "./fieldset";

export type { ChoiceOption } from "./choice-list";

type RadiosProps<Value extends string> = LegendProps & {
  /** The input name and the first radio's id, which the error summary links to. */
  name: string;
  options: readonly ChoiceOption<Value>[];
  value: Value | undefined;
  onChange: (value: Value) => void;
  hint?: ReactNode;
  error?: string | undefined;
  inline?: boolean;
  /** Shown after the radios, inside the form group (for example a field that depends on the choice). */
  children?: ReactNode;
};

/** NHS.UK radios in a fieldset (nhsuk-frontend 10 markup). The first radio's id is `name`. */
export function Radios<Value extends string>({ value, onChange, inline = false, ...list }: RadiosProps<Value>) {
  return (
    <ChoiceList
      kind="radios"
      {...list}
      listClassName={inline ? "nhsuk-radios--inline" : undefined}
      isChecked={(option) => option.value === value}
      onToggle={(option) => onChange(option.value)}
    />
  );
}
