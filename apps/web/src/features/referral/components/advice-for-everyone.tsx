import { CONCERNS, listSignpostsForConcerns } from "@psu/domain";
import { Fragment, type ReactNode } from "react";

// Every concern signpost (contract, physical health, rotation), whatever was answered: the
// unit gives this advice to everyone, eligible or not.
const ADVICE = listSignpostsForConcerns(CONCERNS);

type AdviceForEveryoneProps = {
  heading: string;
  /** Who the advice is for, in the page's own words (the trainee, or someone helping them). */
  intro?: ReactNode;
};

/** The unit's advice for everyone, as an h2 section with one h3 per signpost. */
export function AdviceForEveryone({ heading, intro }: AdviceForEveryoneProps) {
  return (
    <>
      <h2>{heading}</h2>
      {intro}
      {ADVICE.map((signpost) => (
        <Fragment key={signpost.code}>
          <h3>{signpost.title}</h3>
          <p>{signpost.detail}</p>
        </Fragment>
      ))}
    </>
  );
}
