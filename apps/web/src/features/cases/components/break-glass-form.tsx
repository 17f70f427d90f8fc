import {
  BREAK_GLASS_DETAIL_MAX_LENGTH,
  BREAK_GLASS_REASON_CODES,
  BREAK_GLASS_REASON_LABELS,
  type BreakGlassReasonCode,
  BreakGlassRequestSchema,
  type CaseDetail,
} from "@psu/domain";
import { Checkboxes } from "../../../components/checkboxes";
import { FormPage } from "../../../components/form-page";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { WarningCallout } from "../../../components/warning-callout";
import { toApiFormErrors, toFormErrors } from "../../../lib/form-errors";
import { useReadCaseByBreakGlass } from "../api/read-case-by-break-glass";

const FIELDS = ["reasonCode", "detail", "confirmed"];

const REASON_OPTIONS = BREAK_GLASS_REASON_CODES.map((code) => ({
  value: code,
  label: BREAK_GLASS_REASON_LABELS[code],
}));

type BreakGlassAnswers = { reasonCode?: BreakGlassReasonCode; detail: string; confirmed: "yes"[] };

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
  const { values, field, choice, choices, errors, failures, fail, clear } = useForm<BreakGlassAnswers>({
    detail: "",
    confirmed: [],
  });
  const read = useReadCaseByBreakGlass();

  function submit() {
    const { confirmed, ...request } = values;
    const parsed = BreakGlassRequestSchema.safeParse(request);
    const problems = parsed.success ? [] : toFormErrors(parsed.error.issues, FIELDS);
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
              fieldIds: { reasonCode: "reasonCode", detail: "detail" },
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
        {...choice("reasonCode")}
        legend="Why do you need to read this case?"
        legendSize="m"
        options={REASON_OPTIONS}
      />
      <TextInput
        {...field("detail")}
        label="Which request or concern is this for?"
        labelSize="s"
        hint="For example a ticket or complaint number. Do not include the trainee's name or other personal details: the audit log keeps this for good."
        width="full"
        spellCheck={false}
      />
      <p className="nhsuk-body-s">Up to {BREAK_GLASS_DETAIL_MAX_LENGTH} characters, on one line.</p>
      <Checkboxes
        {...choices("confirmed")}
        legend="Confirm"
        legendSize="s"
        options={[
          {
            value: "yes",
            label: "I need to read this case for the reason given, and I understand the read is recorded",
          },
        ]}
      />
    </FormPage>
  );
}
