import type { ReactNode } from "react";
import { describedBy, ErrorMessage } from "./error-message";
import { Fieldset, type LegendProps } from "./fieldset";

export type ChoiceOption<Value extends string> = {
  value: Value;
  label: ReactNode;
  hint?: ReactNode;
  /** Shows "or" above this option, to set it apart (for example "I'm not sure"). */
  dividerBefore?: boolean;
  /** A subheading above this option, to group a long list (the label should still make sense alone). */
  headingBefore?: string;
};

type RadiosProps<Value extends string> = LegendProps & {
  /** The input name and the first radio's id, which the error summary links to. */
  name: string;
  options: readonly ChoiceOption<Value>[];
  value: Value | undefined;
  onChange: (value: Value) => void;
  hint?: ReactNode;
  error?: string | undefined;
  inline?: boolean;
  /** Shown after the radios, inside the form group (for example a field that depends on the choice). */
  children?: ReactNode;
};

/** NHS.UK radios in a fieldset (nhsuk-frontend 10 markup). The first radio's id is `name`. */
export function Radios<Value extends string>({
  name,
  options,
  value,
  onChange,
  hint,
  error,
  inline = false,
  children,
  ...legend
}: RadiosProps<Value>) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <Fieldset {...legend} describedBy={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}>
        {hint !== undefined && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {error !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={`nhsuk-radios${inline ? " nhsuk-radios--inline" : ""}`}>
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            const itemHintId = `${id}-item-hint`;
            return (
              <ChoiceItem key={option.value} divider={option.dividerBefore} heading={option.headingBefore}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    value={option.value}
                    checked={value === option.value}
                    onChange={() => onChange(option.value)}
                    aria-describedby={option.hint === undefined ? undefined : itemHintId}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint !== undefined && (
                    <div className="nhsuk-hint nhsuk-radios__hint" id={itemHintId}>
                      {option.hint}
                    </div>
                  )}
                </div>
              </ChoiceItem>
            );
          })}
        </div>
        {children}
      </Fieldset>
    </div>
  );
}

type ChoiceItemProps = { divider: boolean | undefined; heading: string | undefined; children: ReactNode };

function ChoiceItem({ divider, heading, children }: ChoiceItemProps) {
  return (
    <>
      {divider && <div className="nhsuk-radios__divider">or</div>}
      {heading && (
        <p
          className="nhsuk-body nhsuk-u-font-weight-bold nhsuk-u-margin-top-4 nhsuk-u-margin-bottom-2"
          aria-hidden="true"
        >
          {heading}
        </p>
      )}
      {children}
    </>
  );
}
