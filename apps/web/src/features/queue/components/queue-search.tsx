import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";

type QueueSearchProps = {
  search: string;
  onSearch: (search: string) => void;
};

/**
 * The queue's search box: a reference, or part of a name or email address. Pressing "/"
 * anywhere on the page (outside a field) jumps to it, as on many sites staff already use.
 */
export function QueueSearch({ search, onSearch }: QueueSearchProps) {
  const [text, setText] = useState(search);
  const input = useRef<HTMLInputElement>(null);
  useSlashToFocus(input);

  // A search cleared elsewhere (Clear search) clears the box too.
  useEffect(() => setText(search), [search]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(text.trim());
  }

  return (
    <search>
      <form className="app-search" noValidate onSubmit={submit}>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-label--s" htmlFor="queue-search">
            Search cases
          </label>
          <div className="nhsuk-hint" id="queue-search-hint">
            Reference, name or email address. Press <kbd className="app-key">/</kbd> to jump here.
          </div>
          <input
            className="nhsuk-input"
            id="queue-search"
            name="queue-search"
            type="search"
            ref={input}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            aria-describedby="queue-search-hint"
          />
        </div>
        <div className="nhsuk-button-group">
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Search
          </button>
          {search !== "" && (
            <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => onSearch("")}>
              Clear search
            </button>
          )}
        </div>
      </form>
    </search>
  );
}

function useSlashToFocus(input: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [input]);
}

// "/" typed into a field (a note, another search) is text, not a shortcut.
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return false;
}
