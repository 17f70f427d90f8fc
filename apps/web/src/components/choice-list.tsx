import type { ReactNode } from "react";
import { useIsHydrated } from "../lib/use-is-hydrated";
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

/**
 * An option for each value of a labels record, in the record's order; `dividerBefore` sets one
 * apart with "or" (for example "None of these").
 */
export function toChoiceOptions<Value extends string>(
  labels: Readonly<Record<Value, string>>,
  { dividerBefore }: { dividerBefore?: Value } = {},
): ChoiceOption<Value>[] {
  return (Object.keys(labels) as Value[]).map((value) => ({
    value,
    label: labels[value],
    dividerBefore: value === dividerBefore,
  }));
}

type ChoiceListProps<Value extends string, Option extends ChoiceOption<Value>> = LegendProps & {
  kind: "radios" | "checkboxes";
  /** The input name and the first input's id, which the error summary links to. */
  name: string;
  options: readonly Option[];
  isChecked: (option: Option) => boolean;
  onToggle: (option: Option, checked: boolean) => void;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  /** An extra class on the list (for example inline radios). */
  listClassName?: string | undefined;
  /** Shown after the inputs, inside the form group (for example a field that depends on the choice). */
  children?: ReactNode;
};

/**
 * NHS.UK radios or checkboxes in a fieldset (nhsuk-frontend 10 markup), with the hint, the
 * error message and each option's own hint tied to the inputs for screen readers. The first
 * input's id is `name`, so the error summary can link to it.
 */
export function ChoiceList<Value extends string, Option extends ChoiceOption<Value>>({
  kind,
  name,
  options,
  isChecked,
  onToggle,
  hint,
  error,
  listClassName,
  children,
  ...legend
}: ChoiceListProps<Value, Option>) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const type = kind === "radios" ? "radio" : "checkbox";
  const isHydrated = useIsHydrated();
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <Fieldset {...legend} describedBy={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}>
        {hint !== undefined && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {error !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={`nhsuk-${kind}${listClassName ? ` ${listClassName}` : ""}`}>
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            const itemHintId = `${id}-item-hint`;
            return (
              <ChoiceItem key={option.value} kind={kind} divider={option.dividerBefore} heading={option.headingBefore}>
                <div className={`nhsuk-${kind}__item`}>
                  <input
                    className={`nhsuk-${kind}__input`}
                    id={id}
                    name={name}
                    type={type}
                    value={option.value}
                    checked={isChecked(option)}
                    onChange={(event) => onToggle(option, event.target.checked)}
                    disabled={!isHydrated}
                    aria-describedby={option.hint === undefined ? undefined : itemHintId}
                  />
                  <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint !== undefined && (
                    <div className={`nhsuk-hint nhsuk-${kind}__hint`} id={itemHintId}>
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

type ChoiceItemProps = {
  kind: "radios" | "checkboxes";
  divider: boolean | undefined;
  heading: string | undefined;
  children: ReactNode;
};

function ChoiceItem({ kind, divider, heading, children }: ChoiceItemProps) {
  return (
    <>
      {divider && <div className={`nhsuk-${kind}__divider`}>or</div>}
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
