import type { ReactNode } from "react";
import { describedBy, ErrorMessage } from "./error-message";
import { Fieldset, type LegendProps } from "./fieldset";
import type { ChoiceOption } from "./radios";

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
export function Checkboxes<Value extends string>({
  name,
  options,
  values,
  onChange,
  hint,
  error,
  ...legend
}: CheckboxesProps<Value>) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const exclusive = new Set(options.filter((option) => option.exclusive).map((option) => option.value));

  function toggle(option: CheckboxOption<Value>, checked: boolean) {
    if (!checked) return onChange(values.filter((value) => value !== option.value));
    if (option.exclusive) return onChange([option.value]);
    // In catalogue order, whatever order they were ticked in.
    const next = new Set([...values.filter((value) => !exclusive.has(value)), option.value]);
    onChange(options.map((candidate) => candidate.value).filter((value) => next.has(value)));
  }

  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <Fieldset {...legend} describedBy={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}>
        {hint !== undefined && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {error !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="nhsuk-checkboxes">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            const itemHintId = `${id}-item-hint`;
            return (
              <CheckboxItem key={option.value} divider={option.dividerBefore}>
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={id}
                    name={name}
                    type="checkbox"
                    value={option.value}
                    checked={values.includes(option.value)}
                    onChange={(event) => toggle(option, event.target.checked)}
                    aria-describedby={option.hint === undefined ? undefined : itemHintId}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint !== undefined && (
                    <div className="nhsuk-hint nhsuk-checkboxes__hint" id={itemHintId}>
                      {option.hint}
                    </div>
                  )}
                </div>
              </CheckboxItem>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

function CheckboxItem({ divider, children }: { divider: boolean | undefined; children: ReactNode }) {
  return (
    <>
      {divider && <div className="nhsuk-checkboxes__divider">or</div>}
      {children}
    </>
  );
}
