import { describeNextSteps } from "@psu/domain";
import { Link } from "react-router";
import { ContentPage } from "../../../components/content-page";
import { HelpNowLink } from "../../../components/help-now-link";
import { useWizard } from "../wizard/wizard-provider";

const HEADING = "Thank you";

/** After the optional equality questions. It promises only what the confirmation page did, in the same words. */
export function ThankYouPage() {
  const { state } = useWizard();
  return (
    <ContentPage heading={HEADING}>
      <p>Your referral has been sent.</p>
      {/* The receipt is in memory only: after a refresh the promise is in the confirmation email. */}
      {state.receipt !== undefined &&
        describeNextSteps(state.receipt.triageDueOn).map((sentence) => <p key={sentence}>{sentence}</p>)}
      <p>
        You can <Link to="/check-status">check the status of your referral</Link> with your reference number and the
        email address you gave us.
      </p>
      <HelpNowLink />
    </ContentPage>
  );
}
