import { type FormError, findFieldError, toFieldId } from "../lib/form-errors";

/** What field() and date() give a field component. */
export type FieldProps<Value> = {
  id: string;
  value: Value;
  onChange: (value: Value) => void;
  error: string | undefined;
};

/** What choices() gives a set of checkboxes. */
export type ChoicesProps<Value> = {
  name: string;
  values: Value;
  onChange: (values: Value) => void;
  error: string | undefined;
};

export type BindFieldsOptions<Values extends Record<string, unknown>> = {
  values: Values;
  set: <Name extends keyof Values & string>(name: Name, value: Values[Name]) => void;
  errors: readonly FormError[];
  /** For a part of a longer form: "details" makes the value `fullName` the field "details-fullName". */
  prefix?: string | undefined;
};

/**
 * The props each field component needs for a set of values: its id (or name), value, onChange
 * and the error shown there. The id is the value's name after the prefix (dots become dashes),
 * and errors are found by that id, so the error summary links to the field. Pass an id where
 * the page uses another one.
 */
export function bindFields<Values extends Record<string, unknown>>({
  values,
  set,
  errors,
  prefix,
}: BindFieldsOptions<Values>) {
  const toId = (name: string) => toFieldId(prefix === undefined ? name : `${prefix}.${name}`);

  function bind<Name extends keyof Values & string>(name: Name, errorId: string) {
    return {
      value: values[name],
      onChange: (value: Values[Name]) => set(name, value),
      error: findFieldError(errors, errorId),
    };
  }

  return {
    /** TextInput, Textarea or Select. */
    field<Name extends keyof Values & string>(name: Name, id: string = toId(name)): FieldProps<Values[Name]> {
      return { id, ...bind(name, id) };
    },
    /** Radios, or a ConfirmCheckbox: the first input's id is the name. */
    choice<Name extends keyof Values & string>(name: Name, id: string = toId(name)) {
      return { name: id, ...bind(name, id) };
    },
    /** Checkboxes, whose value is the list of the ones ticked. */
    choices<Name extends keyof Values & string>(name: Name, id: string = toId(name)): ChoicesProps<Values[Name]> {
      const { value, ...rest } = bind(name, id);
      return { name: id, values: value, ...rest };
    },
    /** DateInput: the error summary links to the day. */
    date<Name extends keyof Values & string>(name: Name, id: string = toId(name)): FieldProps<Values[Name]> {
      return { id, ...bind(name, `${id}-day`) };
    },
  };
}
