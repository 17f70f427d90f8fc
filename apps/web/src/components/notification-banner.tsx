import { type ReactNode, useEffect, useId, useRef } from "react";

type NotificationBannerProps = {
  heading: string;
  children?: ReactNode;
  /** Success: green, announced at once and focused, for the outcome of something just done. */
  variant?: "important" | "success";
  /** Changes each time the same success happens again, so it is focused and announced again. */
  focusKey?: number;
};

/** NHS.UK notification banner (nhsuk-frontend 10 markup). */
export function NotificationBanner({ heading, children, variant = "important", focusKey }: NotificationBannerProps) {
  const titleId = useId();
  const banner = useRef<HTMLDivElement>(null);
  const isSuccess = variant === "success";

  // focusKey is the trigger: focus again for each new success, even with the same words.
  useEffect(() => {
    if (isSuccess) banner.current?.focus();
  }, [isSuccess, focusKey]);

  const content = (
    <>
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {isSuccess ? "Success" : "Important"}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <h3 className="nhsuk-notification-banner__heading">{heading}</h3>
        {children}
      </div>
    </>
  );
  // As nhsuk-frontend: a success is an alert, announced at once; anything else a labelled region.
  return isSuccess ? (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby={titleId}
      ref={banner}
      tabIndex={-1}
    >
      {content}
    </div>
  ) : (
    <section className="nhsuk-notification-banner" aria-labelledby={titleId}>
      {content}
    </section>
  );
}
