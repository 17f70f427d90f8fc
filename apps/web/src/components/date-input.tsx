import type { ReactNode } from "react";
import { describedBy, ErrorMessage } from "./error-message";
import { Fieldset, type LegendProps } from "./fieldset";

export type DateParts = { day: string; month: string; year: string };
export type DatePart = keyof DateParts;

type DateInputProps = LegendProps & {
  /** The group's id prefix: inputs are `<id>-day`, `<id>-month` and `<id>-year`. */
  id: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  hint?: ReactNode;
  error?: string | undefined;
  /** The parts to mark as wrong; all three when there is an error and none are named. */
  errorParts?: readonly DatePart[];
};

const PARTS: readonly { part: DatePart; label: string; width: 2 | 4 }[] = [
  { part: "day", label: "Day", width: 2 },
  { part: "month", label: "Month", width: 2 },
  { part: "year", label: "Year", width: 4 },
];

/** NHS.UK date input: day, month and year in a fieldset (nhsuk-frontend 10 markup). */
export function DateInput({ id, value, onChange, hint, error, errorParts, ...legend }: DateInputProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const wrongParts =
    error === undefined ? [] : errorParts && errorParts.length > 0 ? errorParts : PARTS.map((p) => p.part);
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <Fieldset
        {...legend}
        role="group"
        describedBy={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
      >
        {hint !== undefined && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {error !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="nhsuk-date-input" id={id}>
          {PARTS.map(({ part, label, width }) => {
            const inputId = `${id}-${part}`;
            const isWrong = wrongParts.includes(part);
            return (
              <div className="nhsuk-date-input__item" key={part}>
                <div className={`nhsuk-form-group${isWrong ? " nhsuk-form-group--error" : ""}`}>
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={inputId}>
                    {label}
                  </label>
                  <input
                    className={`nhsuk-input nhsuk-input--width-${width} nhsuk-date-input__input${isWrong ? " nhsuk-input--error" : ""}`}
                    id={inputId}
                    name={inputId}
                    type="text"
                    inputMode="numeric"
                    value={value[part]}
                    onChange={(event) => onChange({ ...value, [part]: event.target.value })}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
