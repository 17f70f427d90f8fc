import { LEAD_KINDS, type LeadKind } from "@psu/domain";
import type { ChoicesProps, FieldProps } from "../../../components/bind-fields";
import { Checkboxes } from "../../../components/checkboxes";
import { TextInput } from "../../../components/text-input";
import { Textarea } from "../../../components/textarea";
import { LEAD_KIND_LABELS } from "../../../lib/case-labels";

export type LeadDetails = { leadKinds: LeadKind[]; capacity: string; affiliations: string };

type LeadDetailsFieldsProps = {
  /** The fields' ids, which the error summary links to. */
  ids: Readonly<Record<keyof LeadDetails, string>>;
  /** The props of each field, from the useForm that holds the answers. */
  field: (name: "capacity" | "affiliations", id: string) => FieldProps<string>;
  choices: (name: "leadKinds", id: string) => ChoicesProps<LeadKind[]>;
};

/** What only a lead has: the services they cover, their capacity and their conflicts of interest. */
export function LeadDetailsFields({ ids, field, choices }: LeadDetailsFieldsProps) {
  return (
    <>
      <Checkboxes<LeadKind>
        {...choices("leadKinds", ids.leadKinds)}
        legend="Services they cover"
        legendSize="s"
        options={LEAD_KINDS.map((value) => ({ value, label: LEAD_KIND_LABELS[value] }))}
      />
      <TextInput
        {...field("capacity", ids.capacity)}
        label="Capacity"
        hint="The most open cases they take at once"
        inputMode="numeric"
        width="3"
      />
      <Textarea
        {...field("affiliations", ids.affiliations)}
        label="Trusts or employers they work for or with (optional)"
        hint="One on each line. A trainee from one of these is a conflict of interest, so they will not be suggested."
        maxLength={2000}
        rows={3}
      />
    </>
  );
}
