import { Navigate, Route, Routes } from "react-router";
import { AdvicePage } from "./pages/advice-page";
import { BandPage } from "./pages/band-page";
import { CheckYourAnswersPage } from "./pages/check-your-answers-page";
import { ConcernsPage } from "./pages/concerns-page";
import { ConfirmationPage } from "./pages/confirmation-page";
import { ConsentPage } from "./pages/consent-page";
import { ContactDetailsPage } from "./pages/contact-details-page";
import { EqualityPage } from "./pages/equality-page";
import { NotEligiblePage } from "./pages/not-eligible-page";
import { PharmacyRoutePage } from "./pages/pharmacy-route-page";
import { RecognisedSchemePage } from "./pages/recognised-scheme-page";
import { ReferPage } from "./pages/refer-page";
import { ReferringSomeoneElsePage } from "./pages/referring-someone-else-page";
import { RegistrationPage } from "./pages/registration-page";
import { ResumePage } from "./pages/resume-page";
import { SavedPage } from "./pages/saved-page";
import { SchemeOfferedPage } from "./pages/scheme-offered-page";
import { ServicesPage } from "./pages/services-page";
import { ThankYouPage } from "./pages/thank-you-page";
import { TrainingAndWorkPage } from "./pages/training-and-work-page";
import { TrainingEndedPage } from "./pages/training-ended-page";
import { TrainingNumberPage } from "./pages/training-number-page";
import { UrgentHelpPage } from "./pages/urgent-help-page";
import { WhereYouWorkPage } from "./pages/where-you-work-page";
import { WhoIsReferringPage } from "./pages/who-is-referring-page";
import { YourGroupPage } from "./pages/your-group-page";
import { YourSituationPage } from "./pages/your-situation-page";
import { WizardProvider } from "./wizard/wizard-provider";

/**
 * The referral wizard under /refer: one chunk, loaded when the trainee starts. The URL names
 * only the step; the answers are in the wizard's store (see wizard/wizard-store.ts).
 */
export function ReferralRoutes() {
  return (
    <WizardProvider>
      <Routes>
        <Route index element={<ReferPage />} />
        <Route path="urgent-help" element={<UrgentHelpPage />} />
        <Route path="who-is-referring" element={<WhoIsReferringPage />} />
        <Route path="referring-someone-else" element={<ReferringSomeoneElsePage />} />
        <Route path="where-you-work" element={<WhereYouWorkPage />} />
        <Route path="your-group" element={<YourGroupPage />} />
        <Route path="training-number" element={<TrainingNumberPage />} />
        <Route path="training-ended" element={<TrainingEndedPage />} />
        <Route path="band" element={<BandPage />} />
        <Route path="recognised-scheme" element={<RecognisedSchemePage />} />
        <Route path="pharmacy-route" element={<PharmacyRoutePage />} />
        <Route path="scheme-offered" element={<SchemeOfferedPage />} />
        <Route path="not-eligible" element={<NotEligiblePage />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="concerns" element={<ConcernsPage />} />
        <Route path="advice-contract" element={<AdvicePage key="contract" step="advice-contract" />} />
        <Route
          path="advice-physical-health"
          element={<AdvicePage key="physical-health" step="advice-physical-health" />}
        />
        <Route path="advice-rotation" element={<AdvicePage key="rotation" step="advice-rotation" />} />
        <Route path="contact-details" element={<ContactDetailsPage />} />
        <Route path="registration" element={<RegistrationPage />} />
        <Route path="training-and-work" element={<TrainingAndWorkPage />} />
        <Route path="your-situation" element={<YourSituationPage />} />
        <Route path="consent" element={<ConsentPage />} />
        <Route path="check-your-answers" element={<CheckYourAnswersPage />} />
        <Route path="confirmation" element={<ConfirmationPage />} />
        <Route path="equality" element={<EqualityPage />} />
        <Route path="thank-you" element={<ThankYouPage />} />
        <Route path="saved" element={<SavedPage />} />
        <Route path="resume" element={<ResumePage />} />
        <Route path="*" element={<Navigate to="/refer" replace />} />
      </Routes>
    </WizardProvider>
  );
}
