import { type CaseDetail, hasPermission, type StaffProfile } from "@psu/domain";
import { type MouseEvent, type ReactNode, useRef, useState } from "react";
import { useLocation, useParams } from "react-router";
import { z } from "zod";
import { BackLink } from "../../../components/back-link";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { NotificationBanner } from "../../../components/notification-banner";
import { StaffNotFoundPage } from "../../../components/staff-not-found-page";
import { WarningCallout } from "../../../components/warning-callout";
import { hasErrorCode } from "../../../lib/api-client";
import { readBackTo } from "../../../lib/router-state";
import { useSignedInStaff } from "../../../lib/staff-session";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useCase } from "../api/get-case";
import { AddNoteForm } from "../components/add-note-form";
import { AssignPanel } from "../components/assign-panel";
import { BreakGlassForm } from "../components/break-glass-form";
import type { CaseActionProps } from "../components/case-action";
import { CaseConflict } from "../components/case-conflict";
import { CaseNotes } from "../components/case-notes";
import { CaseSummary } from "../components/case-summary";
import { CaseTimeline } from "../components/case-timeline";
import { FirstContactForm } from "../components/first-contact-form";
import { ReferralDetails } from "../components/referral-details";
import { SafetyFlagForm } from "../components/safety-flag-form";
import { StatusChangeForm } from "../components/status-change-form";

const CaseIdSchema = z.uuid();

/** One case: what it is, what the trainee said, what has happened, and what can be done next. */
export function CasePage() {
  const caseId = CaseIdSchema.safeParse(useParams().caseId);
  // Not an id at all: not found, without asking the API.
  if (!caseId.success) return <StaffNotFoundPage />;
  return <CaseAccess caseId={caseId.data} />;
}

/** Routine access for coordinators and leads; for admins, the break-glass read (decision record 017). */
function CaseAccess({ caseId }: { caseId: string }) {
  const staff = useSignedInStaff();
  if (hasPermission(staff.role, "readCase")) return <CaseLoader caseId={caseId} />;
  if (hasPermission(staff.role, "breakGlassRead")) return <BreakGlassCase caseId={caseId} />;
  return <StaffNotFoundPage />;
}

/**
 * An admin's way to one case: the reason first, then the case, read-only. The case is held in
 * this page's state only (never the query cache), so it goes when the page does.
 */
function BreakGlassCase({ caseId }: { caseId: string }) {
  const staff = useSignedInStaff();
  const backTo = readBackTo(useLocation().state);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  if (!detail) return <BreakGlassForm caseId={caseId} backTo={backTo} onRead={setDetail} />;
  return <CaseView detail={detail} staff={staff} backTo={backTo} isBreakGlass />;
}

function CaseLoader({ caseId }: { caseId: string }) {
  const staff = useSignedInStaff();
  const detail = useCase(caseId);
  const backTo = readBackTo(useLocation().state);

  if (detail.isPending) {
    return (
      <CaseMessage title="Case" backTo={backTo}>
        <LoadingStatus>Loading the case</LoadingStatus>
      </CaseMessage>
    );
  }
  if (detail.isError && !detail.data) {
    // A lead asking for someone else's case gets 404, the same as a case that does not exist.
    if (hasErrorCode(detail.error, "NOT_FOUND")) return <StaffNotFoundPage />;
    return (
      <CaseMessage title="Case" backTo={backTo}>
        <LoadError onRetry={() => void detail.refetch()}>
          <p>
            {hasErrorCode(detail.error, "FORBIDDEN")
              ? "Your role does not give you access to cases."
              : "Sorry, we could not load the case. Try again in a moment."}
          </p>
        </LoadError>
      </CaseMessage>
    );
  }
  return (
    <CaseView
      detail={detail.data}
      staff={staff}
      backTo={backTo}
      onReload={() => detail.refetch().then(() => undefined)}
      isReloading={detail.isFetching}
    />
  );
}

function CaseMessage({ title, backTo, children }: { title: string; backTo: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <BackLink to={backTo} />
      {children}
    </>
  );
}

type CaseViewProps = {
  detail: CaseDetail;
  staff: StaffProfile;
  /** Where Back goes: the queue as the member of staff left it. */
  backTo: string;
} & (
  | { isBreakGlass?: false; onReload: () => Promise<void>; isReloading: boolean }
  /** An admin's break-glass read: the case as it was when read, nothing to change or reload. */
  | { isBreakGlass: true; onReload?: undefined; isReloading?: undefined }
);

// Coordinators assign while a case is new or in triage (the API moves it on to allocated), or
// hand an allocated case to someone else.
const ASSIGNABLE_STATUSES = new Set(["new", "triage", "allocated"]);

function CaseView({ detail, staff, backTo, onReload, isReloading = false, isBreakGlass = false }: CaseViewProps) {
  useDocumentTitle(`Case ${detail.reference}`);
  const heading = useRef<HTMLHeadingElement>(null);
  const [conflict, setConflict] = useState<{ message: string; key: number } | null>(null);
  const [success, setSuccess] = useState<{ message: string; key: number } | null>(null);

  const actions: CaseActionProps = {
    target: { caseId: detail.caseId, version: detail.version },
    onChanged: (message) => {
      setConflict(null);
      setSuccess((current) => ({ message, key: (current?.key ?? 0) + 1 }));
    },
    onConflict: (message) => {
      setSuccess(null);
      setConflict((current) => ({ message, key: (current?.key ?? 0) + 1 }));
    },
  };

  async function reload() {
    await onReload?.();
    setConflict(null);
    // The warning and its button go; focus goes to the top of the refreshed case.
    heading.current?.focus();
  }

  const isCoordinator = hasPermission(staff.role, "allocateCase") && !isBreakGlass;
  // Changes belong to the people working the case; a break-glass read changes nothing.
  const worksCases = hasPermission(staff.role, "changeCase") && !isBreakGlass;
  const canRecordFirstContact = detail.allowedTransitions.some((move) => move.to === "first_contact");

  return (
    <>
      <BackLink to={backTo} />
      {conflict && (
        <CaseConflict message={conflict.message} focusKey={conflict.key} onReload={reload} isReloading={isReloading} />
      )}
      {success && <NotificationBanner variant="success" heading={success.message} focusKey={success.key} />}
      {isBreakGlass && (
        <NotificationBanner heading="Break-glass read">
          <p>
            This read is recorded in the audit log with your reason. Nothing can be changed from this page, and the case
            is not kept: leave the page and it is gone.
          </p>
        </NotificationBanner>
      )}
      <h1 ref={heading} tabIndex={-1}>
        <span className="nhsuk-caption-l">
          {detail.referral.anonymisedAt ? "Details removed" : detail.referral.fullName}
        </span>
        <span className="nhsuk-u-visually-hidden"> – </span>
        {detail.reference}
      </h1>
      {detail.safetyConcern && (
        <WarningCallout heading="Safety concern">
          <p>
            Someone has flagged a concern about safety on this case. Read the timeline before contacting the trainee.
          </p>
        </WarningCallout>
      )}

      <nav aria-label="On this page">
        <ul className="nhsuk-list app-inline-list">
          {worksCases && <InPageLink target="case-actions">Actions</InPageLink>}
          <InPageLink target="case-notes">Notes</InPageLink>
          <InPageLink target="case-referral">Referral</InPageLink>
          <InPageLink target="case-timeline">Timeline</InPageLink>
        </ul>
      </nav>

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <CaseSummary detail={detail} />

          <h2 id="case-referral">Referral</h2>
          <ReferralDetails referral={detail.referral} />

          <h2 id="case-timeline">Timeline</h2>
          <CaseTimeline events={detail.timeline} />
        </div>

        <div className="nhsuk-grid-column-one-third">
          {worksCases && <h2 id="case-actions">Actions</h2>}
          {isCoordinator && (
            <section aria-labelledby="assign-heading">
              <h3 id="assign-heading">{detail.lead ? "Reassign" : "Assign a lead"}</h3>
              {ASSIGNABLE_STATUSES.has(detail.status) ? (
                <AssignPanel {...actions} currentLeadId={detail.lead?.id ?? null} />
              ) : (
                <p>A lead can be assigned while the case is new, in triage or allocated.</p>
              )}
            </section>
          )}
          {worksCases && (
            <section aria-labelledby="status-heading">
              <h3 id="status-heading">Change status</h3>
              <StatusChangeForm {...actions} detail={detail} staff={staff} />
            </section>
          )}
          {worksCases && canRecordFirstContact && (
            <section aria-labelledby="first-contact-heading">
              <h3 id="first-contact-heading">First contact</h3>
              <FirstContactForm {...actions} />
            </section>
          )}
          {worksCases && (
            <section aria-labelledby="safety-heading">
              <h3 id="safety-heading">Safety concern</h3>
              <SafetyFlagForm {...actions} flagged={detail.safetyConcern} />
            </section>
          )}

          <h2 id="case-notes">Internal notes</h2>
          <CaseNotes notes={detail.notes} />
          {worksCases && <AddNoteForm {...actions} />}
        </div>
      </div>
    </>
  );
}

/** A link to a section of this page that moves focus there (the router never sees a fragment). */
function InPageLink({ target, children }: { target: string; children: string }) {
  function moveFocus(event: MouseEvent<HTMLAnchorElement>) {
    const section = document.getElementById(target);
    if (!section) return;
    event.preventDefault();
    section.tabIndex = -1;
    section.focus();
    section.scrollIntoView();
  }
  return (
    <li>
      <a href={`#${target}`} onClick={moveFocus}>
        {children}
      </a>
    </li>
  );
}
