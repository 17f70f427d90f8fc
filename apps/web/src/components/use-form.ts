import { useCallback, useState } from "react";
import { findFieldError, toFieldId } from "../lib/form-errors";
import { useFormErrors } from "./form-page";

/**
 * A form's values and errors in one place, and the props each field component needs.
 *
 * `field("email")` gives a TextInput, Textarea, Select or DateInput its id, value, onChange and
 * error; `choice("service")` gives Radios its name, value, onChange and error. The error is
 * looked up by the value's name, and the id is the name (dots become dashes), so the error
 * summary links to the field. Pass an id where the page already uses another one.
 */
export function useForm<Values extends Record<string, unknown>>(initial: Values | (() => Values)) {
  const { errors, failures, fail, clear } = useFormErrors();
  const [values, setValues] = useState<Values>(initial);

  const set = useCallback(<Name extends keyof Values>(name: Name, value: Values[Name]) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);

  function bind<Name extends keyof Values & string>(name: Name) {
    return {
      value: values[name],
      onChange: (value: Values[Name]) => set(name, value),
      error: findFieldError(errors, name),
    };
  }

  /** Props for a field with an id: TextInput, Textarea, Select, DateInput. */
  function field<Name extends keyof Values & string>(name: Name, id: string = toFieldId(name)) {
    return { id, ...bind(name) };
  }

  /** Props for a set of radios, whose first input's id is its name. */
  function choice<Name extends keyof Values & string>(name: Name, inputName: string = toFieldId(name)) {
    return { name: inputName, ...bind(name) };
  }

  return { values, set, setValues, field, choice, errors, failures, fail, clear };
}
