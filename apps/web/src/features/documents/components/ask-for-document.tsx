import { PSU_COORDINATOR_EMAIL } from "@psu/domain";

/** How to get a document that has no address yet: email the coordinators, naming it. */
export function AskForDocument({ title }: { title: string }) {
  // The subject names the document only: nothing about the person asking.
  const href = `mailto:${PSU_COORDINATOR_EMAIL}?subject=${encodeURIComponent(`Copy of ${title}`)}`;
  return (
    <>
      There is no link to this document yet. To ask for a copy, email the PSU coordinators at{" "}
      <a href={href}>{PSU_COORDINATOR_EMAIL}</a> and say you would like the {title}.
    </>
  );
}
