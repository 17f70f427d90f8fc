import type { ReactNode } from "react";
import { describedBy, ErrorMessage } from "./error-message";
import { Label, type LabelProps } from "./label";

type FormGroupProps = LabelProps & {
  /** The control's id: its label points at it, and its hint and error ids derive from it. */
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Extra classes on the group (the character count's). */
  className?: string;
  /** Ids read with the control besides its hint and error (a character count's limit). */
  describedByExtra?: string;
  /** The control itself, given the aria-describedby to put on it. */
  children: (ariaDescribedBy: string | undefined) => ReactNode;
};

/** The NHS.UK form group around one labelled control: label, hint, inline error, then the control. */
export function FormGroup({ id, hint, error, className, describedByExtra, children, ...label }: FormGroupProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`nhsuk-form-group${className ? ` ${className}` : ""}${error ? " nhsuk-form-group--error" : ""}`}>
      <Label htmlFor={id} {...label} />
      {hint !== undefined && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {children(describedBy(describedByExtra, hint !== undefined && hintId, error !== undefined && errorId))}
    </div>
  );
}
