import {
  ERASURE_REASON_LABELS,
  ERASURE_REASONS,
  type ErasurePreview,
  type ErasureReason,
  ErasureRequestSchema,
  type ErasureResult,
} from "@psu/domain";
import { type FormEvent, useState } from "react";
import { AdminOnly } from "../../../components/admin-only";
import { ErrorSummary } from "../../../components/error-summary";
import { Panel } from "../../../components/panel";
import { Radios } from "../../../components/radios";
import { TextInput } from "../../../components/text-input";
import { useForm } from "../../../components/use-form";
import { WarningCallout } from "../../../components/warning-callout";
import { type FormError, toApiFormErrors, toFormErrors } from "../../../lib/form-errors";
import { useSignedInStaff } from "../../../lib/staff-session";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { downloadSubjectAccess, eraseTraineeData, previewErasure } from "../api/data-protection-api";

// The form's field ids for the erasure request's fields.
const ERASURE_FIELDS = {
  reference: "erase-reference",
  reason: "erase-reason",
  ticket: "erase-ticket",
};
const REASON_OPTIONS = ERASURE_REASONS.map((value) => ({ value, label: ERASURE_REASON_LABELS[value] }));

function problemFrom(error: unknown, field: string): FormError[] {
  return toApiFormErrors(error, {
    // The export has one box for either; the erasure form has a box per field.
    fieldIds: field === "export-subject" ? { email: field, reference: field } : ERASURE_FIELDS,
    fieldFor: { NOT_FOUND: field },
    messages: { FORBIDDEN: "Only admins can do this." },
  });
}

/** Subject access export and erasure on request (admins only; docs/data-protection.md). */
export function DataProtectionPage() {
  const staff = useSignedInStaff();
  if (staff.role !== "admin") return <AdminOnly title="Data protection" />;
  return <DataProtection />;
}

// The export's one box, and the erasure request's fields.
type DataProtectionAnswers = { subject: string; reference: string; reason?: ErasureReason; ticket: string };

function DataProtection() {
  const { values, setValues, field, choice, errors, failures, fail, clear } = useForm<DataProtectionAnswers>({
    subject: "",
    reference: "",
    ticket: "",
  });
  const { subject, reference, reason, ticket } = values;
  useDocumentTitle("Data protection", { hasError: errors.length > 0 });

  // Export
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState(false);

  // Erasure
  const [preview, setPreview] = useState<ErasurePreview | null>(null);
  const [erasing, setErasing] = useState(false);
  const [result, setResult] = useState<ErasureResult | null>(null);

  const onExport = async (event: FormEvent) => {
    event.preventDefault();
    setExported(false);
    const value = subject.trim();
    if (value === "")
      return fail([{ field: "export-subject", message: "Enter the trainee's email address or referral reference" }]);
    clear();
    setExporting(true);
    try {
      await downloadSubjectAccess(value.includes("@") ? { email: value } : { reference: value });
      setExported(true);
    } catch (error) {
      fail(problemFrom(error, "export-subject"));
    } finally {
      setExporting(false);
    }
  };

  // Checked with the API's own schema, so the page and the server refuse the same things.
  const erasureRequest = ErasureRequestSchema.safeParse({ reference, reason, ticket });

  const onPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (!erasureRequest.success) {
      return fail(toFormErrors(erasureRequest.error.issues, Object.values(ERASURE_FIELDS), ERASURE_FIELDS));
    }
    clear();
    try {
      setPreview(await previewErasure(erasureRequest.data.reference));
    } catch (error) {
      fail(problemFrom(error, "erase-reference"));
    }
  };

  const onConfirm = async () => {
    setErasing(true);
    try {
      if (!erasureRequest.success) return;
      setResult(await eraseTraineeData(erasureRequest.data));
      setPreview(null);
      clear();
    } catch (error) {
      fail(problemFrom(error, "erase-reference"));
    } finally {
      setErasing(false);
    }
  };

  if (result) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <Panel heading="Trainee's data erased">
            <p>
              Referral <strong>{result.reference}</strong>
              {result.withdrawn ? " was withdrawn and its" : "'s"} personal data has been removed.
            </p>
          </Panel>
          <p>The audit log records who erased it, when, the reason and the ticket number.</p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              setResult(null);
              // The export's box keeps what was typed in it.
              setValues((current) => ({ subject: current.subject, reference: "", ticket: "" }));
            }}
          >
            Erase another trainee's data
          </button>
        </div>
      </div>
    );
  }

  if (preview) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} focusKey={failures} />
          <h1>Check before you erase</h1>
          <dl className="nhsuk-summary-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Reference</dt>
              <dd className="nhsuk-summary-list__value">{preview.reference}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Status</dt>
              <dd className="nhsuk-summary-list__value">
                {preview.alreadyErased ? "Already erased" : (preview.status ?? "No case")}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Reason</dt>
              <dd className="nhsuk-summary-list__value">{reason ? ERASURE_REASON_LABELS[reason] : ""}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Ticket number</dt>
              <dd className="nhsuk-summary-list__value">{ticket.trim()}</dd>
            </div>
          </dl>
          <WarningCallout heading="This cannot be undone">
            <p>This will remove:</p>
            <ul>
              <li>the trainee's name, contact details, registration, programme, grade and employer</li>
              <li>everything they wrote about their situation, and their access needs</li>
              <li>the notes and reasons on the case's {preview.timelineEvents} timeline entries</li>
              <li>emails waiting to be sent to them</li>
            </ul>
            <p>
              The reference, dates, region, profession, services and outcome are kept for reports.
              {preview.status && !["closed", "withdrawn"].includes(preview.status)
                ? " The open case will be withdrawn first."
                : ""}
            </p>
          </WarningCallout>
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning"
              disabled={erasing || preview.alreadyErased}
              onClick={onConfirm}
            >
              Erase this trainee's data
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={failures} />
        <h1>Data protection</h1>

        <h2>Export what we hold about a trainee</h2>
        <form noValidate onSubmit={onExport}>
          <TextInput
            {...field("subject", "export-subject")}
            label="Email address or referral reference"
            hint="Every referral with this email address is included. The file downloads to this computer: store it securely."
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="nhsuk-button" disabled={exporting}>
            Download the export
          </button>
          <div role="status" className="nhsuk-body">
            {exported ? "The export has downloaded." : ""}
          </div>
        </form>

        <h2>Erase a trainee's data</h2>
        <form noValidate onSubmit={onPreview}>
          <TextInput
            {...field("reference", ERASURE_FIELDS.reference)}
            label="Referral reference"
            autoComplete="off"
            spellCheck={false}
            width="20"
            autoCapitalize="characters"
          />
          <Radios
            {...choice("reason", ERASURE_FIELDS.reason)}
            legend="Why the data is being erased"
            legendSize="s"
            options={REASON_OPTIONS}
          />
          <TextInput
            {...field("ticket", ERASURE_FIELDS.ticket)}
            label="Ticket number of the request"
            hint="The number the request has in the unit's own records, for example DPR-2026/114. It goes into the audit log."
            autoComplete="off"
            spellCheck={false}
            width="20"
          />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Continue
          </button>
        </form>
      </div>
    </div>
  );
}
