import { type PublishedLink, UpdatePublishedLinkRequestSchema } from "@psu/domain";
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { BackLink } from "../../../components/back-link";
import { ErrorSummary } from "../../../components/error-summary";
import { useFormErrors } from "../../../components/form-page";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { TextInput } from "../../../components/text-input";
import { ApiError } from "../../../lib/api-client";
import { type FormError, findFieldError } from "../../../lib/form-errors";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { usePublishedLinks } from "../api/get-published-links";
import { useUpdatePublishedLink } from "../api/update-published-link";
import { describeLastChange, describeTarget, isNotAllowed, KIND_LABELS, LINKS_PATH } from "../components/link-labels";
import { NotAllowed } from "../components/not-allowed";
import { savedState } from "../components/saved-message";

const URL_FIELD = "link-url";

/** Admins: set, replace or remove the address of one document or resource. */
export function EditPublishedLinkPage() {
  const { linkId } = useParams();
  const links = usePublishedLinks();

  if (links.isPending) return <LoadingStatus>Loading the link</LoadingStatus>;
  if (links.isError) {
    if (isNotAllowed(links.error)) return <NotAllowed />;
    return (
      <LoadError onRetry={() => void links.refetch()}>
        <p>Sorry, we could not load the link. Try again in a moment.</p>
      </LoadError>
    );
  }
  const link = links.data.find((candidate) => candidate.id === linkId);
  if (!link) return <UnknownLink />;
  return <EditLinkForm link={link} />;
}

function UnknownLink() {
  useDocumentTitle("Page not found");
  return (
    <>
      <BackLink to={LINKS_PATH} />
      <h1>Page not found</h1>
      <p>There is no document or resource at this address. Choose one from the list of documents and links.</p>
    </>
  );
}

// The API's field errors, on the one field this form has; anything else is said in the summary.
function toFormErrors(error: unknown): FormError[] {
  if (error instanceof ApiError) {
    const urlError = error.fields.find((field) => field.field === "url");
    return [{ field: urlError ? URL_FIELD : "", message: urlError?.message ?? error.message }];
  }
  return [{ field: "", message: "Something went wrong. Try again." }];
}

function EditLinkForm({ link }: { link: PublishedLink }) {
  const title = describeTarget(link);
  const [url, setUrl] = useState(link.url ?? "");
  const { errors, failures, fail } = useFormErrors();
  const update = useUpdatePublishedLink();
  const navigate = useNavigate();
  useDocumentTitle(`Change the address of ${link.title}`, { hasError: errors.length > 0 });

  function save(change: { url: string | null }, done: string) {
    update.mutate(
      { id: link.id, change },
      {
        onSuccess: () => navigate(LINKS_PATH, { state: savedState(done) }),
        onError: (error) => fail(toFormErrors(error)),
      },
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The API's own schema: the same message here as the API would give.
    const parsed = UpdatePublishedLinkRequestSchema.safeParse({ url });
    if (!parsed.success) {
      return fail([{ field: URL_FIELD, message: parsed.error.issues[0]?.message ?? "Enter a web address" }]);
    }
    save(parsed.data, `The address of ${link.title} has been saved.`);
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={LINKS_PATH} />
        <ErrorSummary errors={errors} focusKey={failures} />
        <h1>
          <span className="nhsuk-caption-l">{KIND_LABELS[link.kind]}</span>
          <span className="nhsuk-u-visually-hidden"> – </span>
          {title}
        </h1>
        <p>
          {link.url === null
            ? "This has no address yet: trainees are told to ask the coordinators for it."
            : "Trainees are sent to the address below."}{" "}
          Last changed: {describeLastChange(link)}.
        </p>
        <form noValidate onSubmit={submit}>
          <TextInput
            id={URL_FIELD}
            label="Web address"
            hint="Starts with https://. Each document and resource needs its own address."
            value={url}
            onChange={setUrl}
            error={findFieldError(errors, URL_FIELD)}
            inputMode="text"
            spellCheck={false}
            autoCapitalize="none"
          />
          <div className="nhsuk-button-group">
            <button type="submit" className="nhsuk-button" disabled={update.isPending}>
              Save address
            </button>
            {link.url !== null && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                disabled={update.isPending}
                onClick={() =>
                  save(
                    { url: null },
                    `The link to ${link.title} has been removed. Trainees are told to ask the coordinators.`,
                  )
                }
              >
                Remove the link
              </button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
