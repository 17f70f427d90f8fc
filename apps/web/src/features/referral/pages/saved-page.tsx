import { DRAFT_KEPT_DAYS_AFTER_SAVE, DRAFT_MAX_LIFETIME_DAYS } from "@psu/domain";
import { useState } from "react";
import { Link, Navigate } from "react-router";
import { ContentPage } from "../../../components/content-page";
import { InsetText } from "../../../components/inset-text";
import { WarningCallout } from "../../../components/warning-callout";
import { formatLondonDate } from "../../../lib/format-date";
import { useWizard } from "../wizard/wizard-provider";

const HEADING = "Your answers have been saved";

/** Shows the resume code once, large and copyable. It never goes into the URL or browser storage. */
export function SavedPage() {
  const { state } = useWizard();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  if (state.savedDraft === undefined) return <Navigate to="/refer" replace />;

  const code = formatResumeCode(state.savedDraft.resumeCode);
  const expires = formatLondonDate(state.savedDraft.expiresAt);
  const canCopy = typeof navigator.clipboard?.writeText === "function";

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <ContentPage heading={HEADING}>
      <p>To come back to your referral, you will need this resume code:</p>
      <p className="app-resume-code" data-testid="resume-code">
        {code}
      </p>
      {canCopy && (
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => void copy()}>
          Copy code
        </button>
      )}
      <div aria-live="polite">
        {copied === "yes" && <p>Code copied.</p>}
        {copied === "failed" && <p>The code could not be copied. Write it down instead.</p>}
      </div>
      <WarningCallout heading="Write this code down">
        <p>
          This code is the only way back to your answers. We cannot send it to you or look it up, because we do not keep
          it in a form we can read.
        </p>
        <p>Anyone with the code can see your answers, so keep it somewhere private.</p>
      </WarningCallout>
      <p>
        Your code will work until <strong>{expires}</strong>. After that your answers are deleted and you will need to
        start again.
      </p>
      <p>
        Saving again keeps your answers for {DRAFT_KEPT_DAYS_AFTER_SAVE} more days, but never more than{" "}
        {DRAFT_MAX_LIFETIME_DAYS} days after you first saved them. When you send your referral, we delete your saved
        answers.
      </p>
      <h2>How to come back</h2>
      <p>
        Go to the start page of this service, choose <strong>Continue a saved referral</strong> and enter your code.
      </p>
      <InsetText>
        <p>If you are using a shared computer, close this tab when you have written the code down.</p>
      </InsetText>
      <p>
        <Link to="/refer">Continue with your referral now</Link>
      </p>
    </ContentPage>
  );
}

/** The code in groups of four ("ABCD-2345-EFGH"): easier to read out and copy by hand. */
function formatResumeCode(code: string): string {
  const compact = code.replace(/[^0-9A-Z]/gi, "");
  return compact.match(/.{1,4}/g)?.join("-") ?? code;
}
