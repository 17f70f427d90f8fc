import { type EqualityPeriod, formatEqualityPeriod } from "@psu/domain";
import type { FormEvent } from "react";
import { Select } from "../../../components/select";
import { useFormFields } from "../../../components/use-form";
import type { FormError } from "../../../lib/form-errors";
import { QUARTER_FIELD_ID } from "./equality-period";
import "./reports.css";

type QuarterFormProps = {
  /** The quarter shown (from the URL); empty choice when it is not one of `quarters`. */
  period: EqualityPeriod;
  quarters: readonly EqualityPeriod[];
  errors: readonly FormError[];
  /** The chosen quarter, or null when none was chosen. */
  onSubmit: (period: EqualityPeriod | null) => void;
};

/** The equality report's period: one ended calendar quarter, chosen from a list, and a button. */
export function QuarterForm({ period, quarters, errors, onSubmit }: QuarterFormProps) {
  const listed = quarters.some((quarter) => quarter.from === period.from && quarter.to === period.to);
  const { values, field } = useFormFields({ quarter: listed ? period.from : "" }, errors);
  const options = [
    ...(listed ? [] : [{ value: "", label: "Choose a quarter" }]),
    ...quarters.map((quarter) => ({ value: quarter.from, label: formatEqualityPeriod(quarter) })),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(quarters.find((candidate) => candidate.from === values.quarter) ?? null);
  }

  return (
    <form noValidate onSubmit={submit}>
      <div className="app-report-period">
        <Select
          {...field("quarter", QUARTER_FIELD_ID)}
          label="Quarter"
          hint="Figures are shown for whole calendar quarters once they have ended"
          options={options}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show figures
        </button>
      </div>
    </form>
  );
}
