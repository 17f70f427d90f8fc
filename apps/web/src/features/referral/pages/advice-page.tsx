import { Navigate } from "react-router";
import { BackLink } from "../../../components/back-link";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { ADVICE_SIGNPOSTS, type AdviceStep } from "../wizard/journey";
import { useWizardStep } from "../wizard/use-wizard-step";

/** An interruption page: where to start with a concern that someone else handles first. Never a refusal. */
export function AdvicePage({ step }: { step: AdviceStep }) {
  const { state, store, redirectTo, back, goToNextStep } = useWizardStep(step);
  const signpost = state.verdict?.signposts.find((candidate) => candidate.code === ADVICE_SIGNPOSTS[step]);
  useDocumentTitle(signpost?.title ?? "Before you continue");
  if (redirectTo || signpost === undefined) return <Navigate to={redirectTo ?? "/refer"} replace />;

  const { code } = signpost;
  function continueReferral() {
    store.update((current) => ({
      ...current,
      seenSignposts: current.seenSignposts.includes(code) ? current.seenSignposts : [...current.seenSignposts, code],
    }));
    goToNextStep();
  }

  return (
    <>
      <BackLink to={back.to} state={back.state} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{signpost.title}</h1>
          <p className="nhsuk-body-l">{signpost.detail}</p>
          <button className="nhsuk-button" type="button" onClick={continueReferral}>
            Continue with your referral
          </button>
        </div>
      </div>
    </>
  );
}
