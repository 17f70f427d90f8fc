import { LEAD_KINDS, type LeadKind } from "@psu/domain";
import { Checkboxes } from "../../../components/checkboxes";
import { TextInput } from "../../../components/text-input";
import { Textarea } from "../../../components/textarea";
import { LEAD_KIND_LABELS } from "../../../lib/case-labels";
import { type FormError, findFieldError } from "../../../lib/form-errors";

export type LeadDetails = { leadKinds: LeadKind[]; capacity: string; affiliations: string };

type LeadDetailsFieldsProps = {
  /** The fields' ids, which the error summary links to. */
  ids: Readonly<Record<keyof LeadDetails, string>>;
  values: LeadDetails;
  onChange: (change: Partial<LeadDetails>) => void;
  errors: readonly FormError[];
};

/** What only a lead has: the services they cover, their capacity and their conflicts of interest. */
export function LeadDetailsFields({ ids, values, onChange, errors }: LeadDetailsFieldsProps) {
  return (
    <>
      <Checkboxes<LeadKind>
        name={ids.leadKinds}
        legend="Services they cover"
        legendSize="s"
        options={LEAD_KINDS.map((value) => ({ value, label: LEAD_KIND_LABELS[value] }))}
        values={values.leadKinds}
        onChange={(leadKinds) => onChange({ leadKinds })}
        error={findFieldError(errors, ids.leadKinds)}
      />
      <TextInput
        id={ids.capacity}
        label="Capacity"
        hint="The most open cases they take at once"
        inputMode="numeric"
        width="3"
        value={values.capacity}
        onChange={(capacity) => onChange({ capacity })}
        error={findFieldError(errors, ids.capacity)}
      />
      <Textarea
        id={ids.affiliations}
        label="Trusts or employers they work for or with (optional)"
        hint="One on each line. A trainee from one of these is a conflict of interest, so they will not be suggested."
        maxLength={2000}
        rows={3}
        value={values.affiliations}
        onChange={(affiliations) => onChange({ affiliations })}
        error={findFieldError(errors, ids.affiliations)}
      />
    </>
  );
}
