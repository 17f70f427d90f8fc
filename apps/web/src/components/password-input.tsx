import { describedBy, ErrorMessage } from "./error-message";
import { Label } from "./label";

type PasswordInputProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  autoComplete: "current-password" | "new-password";
};

/** NHS.UK text input for a password (the shared TextInput offers text, email and tel only). */
export function PasswordInput({ id, label, value, onChange, hint, error, autoComplete }: PasswordInputProps) {
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
      <input
        className={`nhsuk-input nhsuk-u-width-two-thirds${error ? " nhsuk-input--error" : ""}`}
        id={id}
        name={id}
        type="password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
      />
    </div>
  );
}
