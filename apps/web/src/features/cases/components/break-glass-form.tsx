import {
  BREAK_GLASS_DETAIL_MAX_LENGTH,
  BREAK_GLASS_REASON_CODES,
  BREAK_GLASS_REASON_LABELS,
  type BreakGlassReasonCode,
  BreakGlassRequestSchema,
  type CaseDetail,
} from "@psu/domain";
import { useState } from "react";
import { Checkboxes } from "../../../components/checkboxes";
import { FormPage, useFormErrors } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { WarningCallout } from "../../../components/warning-callout";
import { findFieldError, toApiFormErrors, toFormErrors } from "../../../lib/form-errors";
import { useReadCaseByBreakGlass } from "../api/read-case-by-break-glass";

const FIELD_IDS = { reasonCode: "reasonCode", detail: "detail", confirmed: "confirmed" };
const FIELD_ORDER = Object.values(FIELD_IDS);

const REASON_OPTIONS = BREAK_GLASS_REASON_CODES.map((code) => ({
  value: code,
  label: BREAK_GLASS_REASON_LABELS[code],
}));

type BreakGlassFormProps = {
  caseId: string;
  backTo: string;
  /** Called with the case once the API has recorded the read. */
  onRead: (detail: CaseDetail) => void;
};

/**
 * What an admin sees on a case page: they have no routine access to case content, so they may
 * read this one case only by giving a reason, which goes into the audit log with the read.
 */
export function BreakGlassForm({ caseId, backTo, onRead }: BreakGlassFormProps) {
  const [reasonCode, setReasonCode] = useState<BreakGlassReasonCode | undefined>();
  const [detail, setDetail] = useState("");
  const [confirmed, setConfirmed] = useState<"yes"[]>([]);
  const { errors, failures, fail, clear } = useFormErrors();
  const read = useReadCaseByBreakGlass();

  function submit() {
    const parsed = BreakGlassRequestSchema.safeParse({ reasonCode, detail });
    const problems = parsed.success ? [] : toFormErrors(parsed.error.issues, FIELD_ORDER, FIELD_IDS);
    if (confirmed.length === 0) {
      problems.push({ field: "confirmed", message: "Confirm that you need to read this case for the reason given" });
    }
    if (!parsed.success || problems.length > 0) return fail(problems);
    read.mutate(
      { caseId, ...parsed.data },
      {
        onSuccess: (found) => {
          clear();
          onRead(found);
        },
        onError: (error) =>
          fail(
            toApiFormErrors(error, {
              fieldIds: { reasonCode: FIELD_IDS.reasonCode, detail: FIELD_IDS.detail },
              messages: { NOT_FOUND: "There is no case with that id. Check the address and try again." },
            }),
          ),
      },
    );
  }

  return (
    <FormPage
      title="Read this case by break-glass"
      back={{ to: backTo }}
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Read the case"
      isSubmitting={read.isPending}
      intro={
        <>
          <h1>Read this case by break-glass</h1>
          <WarningCallout heading="You do not have routine access to case content">
            <p>
              As an admin you manage staff and read the audit log. Read a case only when you must, for example for a
              safeguarding concern or a complaint.
            </p>
            <p>Your name, the time and your reason are recorded in the audit log, and other admins can see them.</p>
          </WarningCallout>
        </>
      }
    >
      <Radios
        name="reasonCode"
        legend="Why do you need to read this case?"
        legendSize="m"
        options={REASON_OPTIONS}
        value={reasonCode}
        onChange={setReasonCode}
        error={findFieldError(errors, "reasonCode")}
      />
      <TextInput
        id="detail"
        label="Which request or concern is this for?"
        labelSize="s"
        hint="For example a ticket or complaint number. Do not include the trainee's name or other personal details: the audit log keeps this for good."
        value={detail}
        onChange={setDetail}
        error={findFieldError(errors, "detail")}
        width="full"
        spellCheck={false}
      />
      <p className="nhsuk-body-s">Up to {BREAK_GLASS_DETAIL_MAX_LENGTH} characters, on one line.</p>
      <Checkboxes
        name="confirmed"
        legend="Confirm"
        legendSize="s"
        options={[
          {
            value: "yes",
            label: "I need to read this case for the reason given, and I understand the read is recorded",
          },
        ]}
        values={confirmed}
        onChange={setConfirmed}
        error={findFieldError(errors, "confirmed")}
      />
    </FormPage>
  );
}
