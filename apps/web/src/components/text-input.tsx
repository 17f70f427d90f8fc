import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute, ReactNode } from "react";
import { FormGroup } from "./form-group";
import type { LabelProps } from "./label";

type TextInputProps = LabelProps & {
  id: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  type?: Extract<HTMLInputTypeAttribute, "text" | "email" | "tel" | "password">;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: "text" | "email" | "tel" | "numeric";
  spellCheck?: boolean;
  /** nhsuk-frontend's fixed widths (in characters) or fluid widths. */
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30" | "full" | "three-quarters" | "two-thirds" | "one-half";
  autoCapitalize?: "none" | "characters" | "words";
};

const FIXED_WIDTHS = new Set(["2", "3", "4", "5", "10", "20", "30"]);

/** NHS.UK text input (a password too) with its label, hint and inline error (nhsuk-frontend 10 markup). */
export function TextInput({
  id,
  value,
  onChange,
  hint,
  error,
  type = "text",
  autoComplete,
  inputMode,
  spellCheck,
  width,
  autoCapitalize,
  ...label
}: TextInputProps) {
  const widthClass =
    width === undefined ? "" : FIXED_WIDTHS.has(width) ? ` nhsuk-input--width-${width}` : ` nhsuk-u-width-${width}`;
  return (
    <FormGroup id={id} hint={hint} error={error} {...label}>
      {(ariaDescribedBy) => (
        <input
          className={`nhsuk-input${error ? " nhsuk-input--error" : ""}${widthClass}`}
          id={id}
          name={id}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={spellCheck}
          autoCapitalize={autoCapitalize}
          aria-describedby={ariaDescribedBy}
        />
      )}
    </FormGroup>
  );
}
