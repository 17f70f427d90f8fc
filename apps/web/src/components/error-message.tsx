/** NHS.UK inline error message; its id is what the field's aria-describedby points at. */
export function ErrorMessage({ id, children }: { id: string; children: string }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {children}
    </span>
  );
}

/** Joins the ids for aria-describedby, leaving out the ones that are not on the page. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
}
