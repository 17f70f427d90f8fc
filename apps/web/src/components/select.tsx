import type { ReactNode } from "react";
import { FormGroup } from "./form-group";

export type SelectOption = { value: string; label: string };

type SelectProps = {
  id: string;
  label: ReactNode;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
};

/** NHS.UK select with its label, hint and inline error (nhsuk-frontend 10 markup). */
export function Select({ id, label, options, value, onChange, hint, error }: SelectProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(ariaDescribedBy) => (
        <select
          className={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
          id={id}
          name={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={ariaDescribedBy}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}
