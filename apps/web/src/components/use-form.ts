import { useCallback, useState } from "react";
import type { FormError } from "../lib/form-errors";
import { bindFields } from "./bind-fields";
import { useFormErrors } from "./form-page";

/**
 * A form's values and errors in one place, and the props each field component needs.
 *
 * `field("email")` gives a TextInput, Textarea or Select its id, value, onChange and error;
 * `choice("service")` gives Radios its name, value, onChange and error; `choices("concerns")`
 * gives Checkboxes its name, values, onChange and error; `date("endedOn")` gives a DateInput its
 * id, value, onChange and error. The id is the name (dots become dashes) unless one is passed,
 * where the page uses another. A field's error is the one at the id the error summary links to:
 * the field's id, the radios' or checkboxes' first input (their name), a date's day input.
 * `reset()` empties the errors and puts every value back as it started, after a change is saved.
 */
export function useForm<Values extends Record<string, unknown>>(initial: Values | (() => Values)) {
  const formErrors = useFormErrors();
  const fields = useFormFields(initial, formErrors.errors);
  const { clear } = formErrors;
  const { reset: resetValues } = fields;
  const reset = useCallback(() => {
    clear();
    resetValues();
  }, [clear, resetValues]);
  return { ...fields, ...formErrors, reset };
}

/**
 * The values half of useForm, for a form whose errors are kept elsewhere (the page that checks
 * the answers, or a parent form): the same props for each field, its error read from `errors`.
 */
export function useFormFields<Values extends Record<string, unknown>>(
  initial: Values | (() => Values),
  errors: readonly FormError[],
) {
  const [start] = useState<Values>(initial);
  const [values, setValues] = useState<Values>(start);

  const set = useCallback(<Name extends keyof Values>(name: Name, value: Values[Name]) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);

  /** Every value back as it started. */
  const reset = useCallback(() => setValues(start), [start]);

  const { field, choice, choices, date } = bindFields({ values, set, errors });
  return { values, set, setValues, reset, field, choice, choices, date };
}
