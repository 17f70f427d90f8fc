import { type HTMLInputAutoCompleteAttribute, type ReactNode, useState } from "react";
import { FormGroup } from "../../../components/form-group";
import type { LabelProps } from "../../../components/label";

type PasswordInputProps = LabelProps & {
  id: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  autoComplete: Extract<HTMLInputAutoCompleteAttribute, "new-password" | "current-password">;
};

/**
 * The NHS.UK (and GOV.UK) password input: one field with a Show / Hide button, instead of
 * typing a new password twice. Whether it is shown is announced to screen readers.
 */
export function PasswordInput({ id, value, onChange, hint, error, autoComplete, ...label }: PasswordInputProps) {
  const [shown, setShown] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  function toggle() {
    setShown(!shown);
    setAnnouncement(shown ? "Your password is hidden" : "Your password is visible");
  }

  return (
    <FormGroup id={id} hint={hint} error={error} className="nhsuk-password-input" {...label}>
      {(ariaDescribedBy) => (
        <>
          <div className="nhsuk-input-wrapper">
            <input
              className={`nhsuk-input nhsuk-password-input__input${error ? " nhsuk-input--error" : ""}`}
              id={id}
              name={id}
              type={shown ? "text" : "password"}
              spellCheck={false}
              autoCapitalize="none"
              autoComplete={autoComplete}
              value={value}
              onChange={(event) => onChange(event.target.value)}
              aria-describedby={ariaDescribedBy}
            />
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-password-input__toggle"
              type="button"
              aria-controls={id}
              aria-label={shown ? "Hide password" : "Show password"}
              onClick={toggle}
            >
              {shown ? "Hide" : "Show"}
            </button>
          </div>
          <div className="nhsuk-u-visually-hidden" aria-live="polite">
            {announcement}
          </div>
        </>
      )}
    </FormGroup>
  );
}
