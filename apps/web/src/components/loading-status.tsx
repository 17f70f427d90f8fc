/** A polite live message while something loads, announced by screen readers. */
export function LoadingStatus({ children }: { children: string }) {
  return (
    <p className="nhsuk-body" role="status">
      {children}
    </p>
  );
}
