import { CASE_STATUS_LABELS, type CaseStatus } from "@psu/domain";

// Colour helps the eye scan a column; the words carry the meaning.
const STATUS_COLOURS: Readonly<Record<CaseStatus, string>> = {
  new: "blue",
  triage: "purple",
  information_requested: "yellow",
  allocated: "aqua-green",
  first_contact: "aqua-green",
  in_support: "green",
  closed: "grey",
  withdrawn: "grey",
};

/** A case's status as an NHS.UK tag. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${STATUS_COLOURS[status]}`}>{CASE_STATUS_LABELS[status]}</strong>;
}

/** The safety-concern marker, red, worded so it reads the same without colour. */
export function SafetyConcernTag() {
  return <strong className="nhsuk-tag nhsuk-tag--red">Safety concern</strong>;
}
