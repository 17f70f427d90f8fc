import type { ReactNode } from "react";
import { ChoiceList, type ChoiceOption } from "./choice-list";
import type { LegendProps } from "./fieldset";

export type CheckboxOption<Value extends string> = ChoiceOption<Value> & {
  /** Ticking it clears the others, and ticking another clears it ("None of these"). */
  exclusive?: boolean;
};

type CheckboxesProps<Value extends string> = LegendProps & {
  /** The input name and the first checkbox's id, which the error summary links to. */
  name: string;
  options: readonly CheckboxOption<Value>[];
  values: readonly Value[];
  onChange: (values: Value[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
};

/** NHS.UK checkboxes in a fieldset (nhsuk-frontend 10 markup), with exclusive options handled as its script does. */
export function Checkboxes<Value extends string>({ values, onChange, ...list }: CheckboxesProps<Value>) {
  const { options } = list;
  const exclusive = new Set(options.filter((option) => option.exclusive).map((option) => option.value));

  function toggle(option: CheckboxOption<Value>, checked: boolean) {
    if (!checked) return onChange(values.filter((value) => value !== option.value));
    if (option.exclusive) return onChange([option.value]);
    // In catalogue order, whatever order they were ticked in.
    const next = new Set([...values.filter((value) => !exclusive.has(value)), option.value]);
    onChange(options.map((candidate) => candidate.value).filter((value) => next.has(value)));
  }

  return (
    <ChoiceList kind="checkboxes" {...list} isChecked={(option) => values.includes(option.value)} onToggle={toggle} />
  );
}
