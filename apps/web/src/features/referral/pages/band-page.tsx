import { BANDS, type Band, BandSchema } from "@psu/domain";
import { EligibilityQuestion } from "../components/eligibility-question";

export function BandPage() {
  return (
    <EligibilityQuestion<Band>
      step="band"
      field="band"
      question="What is your Agenda for Change band?"
      options={BANDS.map((band) => ({ value: band, label: `Band ${band}` }))}
      readAnswer={(answers) => answers.band}
      writeAnswer={(answers, value) => ({ ...answers, band: BandSchema.safeParse(value).data })}
    />
  );
}
