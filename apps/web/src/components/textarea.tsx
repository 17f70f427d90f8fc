import { type ReactNode, useEffect, useState } from "react";
import { FormGroup } from "./form-group";
import type { LabelProps } from "./label";

type TextareaProps = LabelProps & {
  id: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shows NHS.UK's character count; longer text can still be typed and is then an error, as NHS.UK advises. */
  maxLength: number;
  rows?: number;
};

// Screen readers hear the count once typing pauses, not on every key.
const ANNOUNCE_DELAY_MS = 1_000;
// Made when a textarea first shows: the first Intl formatter a tab makes loads the locale's data
// (tens of milliseconds on a phone), which pages that only import this module should not pay.
let numberFormat: Intl.NumberFormat | undefined;
function formatNumber(count: number): string {
  numberFormat ??= new Intl.NumberFormat("en-GB");
  return numberFormat.format(count);
}

/** NHS.UK textarea with a character count (nhsuk-frontend 10 markup, the count kept by React). */
export function Textarea({ id, value, onChange, hint, error, maxLength, rows = 5, ...label }: TextareaProps) {
  const infoId = `${id}-info`;
  const status = describeRemaining(maxLength - [...value].length);
  const [announced, setAnnounced] = useState("");

  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(status.text), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [status.text]);

  return (
    <FormGroup id={id} hint={hint} error={error} className="nhsuk-character-count" describedByExtra={infoId} {...label}>
      {(ariaDescribedBy) => (
        <>
          <textarea
            className={`nhsuk-textarea${error || status.isOver ? " nhsuk-textarea--error" : ""}`}
            id={id}
            name={id}
            rows={rows}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-describedby={ariaDescribedBy}
          />
          {/* Read with the field: the limit. The live count below is shown, and announced after a pause. */}
          <div className="nhsuk-u-visually-hidden" id={infoId}>
            You can enter up to {formatNumber(maxLength)} characters
          </div>
          <div
            className={`nhsuk-character-count__status ${status.isOver ? "nhsuk-error-message" : "nhsuk-hint"}`}
            aria-hidden="true"
          >
            {status.text}
          </div>
          <div className="nhsuk-u-visually-hidden" aria-live="polite">
            {announced}
          </div>
        </>
      )}
    </FormGroup>
  );
}

function describeRemaining(remaining: number): { text: string; isOver: boolean } {
  const count = Math.abs(remaining);
  const noun = count === 1 ? "character" : "characters";
  if (remaining < 0) return { text: `You have ${formatNumber(count)} ${noun} too many`, isOver: true };
  return { text: `You have ${formatNumber(count)} ${noun} remaining`, isOver: false };
}
