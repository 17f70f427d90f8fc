import type { ReactNode } from "react";
import { describedBy, ErrorMessage } from "./error-message";
import { Label } from "./label";

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

/** NHS.UK select (nhsuk-frontend 10 markup); there is no shared one yet. */
export function Select({ id, label, options, value, onChange, hint, error }: SelectProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <Label htmlFor={id} label={label} />
      {hint !== undefined && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <select
        className={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
