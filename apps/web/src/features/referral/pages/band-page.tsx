import { BANDS } from "@psu/domain";
import { EligibilityQuestion } from "../components/eligibility-question";

export function BandPage() {
  return (
    <EligibilityQuestion
      step="band"
      question="What is your Agenda for Change band?"
      options={BANDS.map((band) => ({ value: band, label: `Band ${band}` }))}
    />
  );
}
