import { describeWhatHappensNext, formatCalendarDateLong, TRAINEE_STATUS_TITLES } from "@psu/domain";
import { Link, Navigate } from "react-router";
import { ContentPage } from "../../../components/content-page";
import { HelpNowLink } from "../../../components/help-now-link";
import { SummaryList } from "../../../components/summary-list";
import { useStatusLookup } from "../components/status-lookup-provider";

const HEADING = "Your referral";

export function ReferralStatusPage() {
  const { lookup } = useStatusLookup();
  // Nothing is kept over a refresh: look the referral up again.
  if (lookup === null) return <Navigate to="/check-status" replace />;
  const { status } = lookup;

  return (
    <ContentPage heading={HEADING} back={{ to: "/check-status" }}>
      <SummaryList
        rows={[
          { key: "Reference number", value: status.reference },
          { key: "Sent on", value: formatCalendarDateLong(status.submittedOn) },
          { key: "Status", value: <strong className="nhsuk-tag">{TRAINEE_STATUS_TITLES[status.status]}</strong> },
        ]}
      />
      <h2>What happens next</h2>
      {/* The same promises as the confirmation page and the emails, from the triage clock staff are measured by. */}
      {describeWhatHappensNext(status.status, status.triageDueOn).map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {status.canWithdraw && (
        <>
          <h2>If you no longer need support</h2>
          <p>You can withdraw your referral. You can make a new referral at any time.</p>
          <Link className="nhsuk-button nhsuk-button--secondary" to="/check-status/withdraw" draggable={false}>
            Withdraw your referral
          </Link>
        </>
      )}
      <HelpNowLink />
    </ContentPage>
  );
}
