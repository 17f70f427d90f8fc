// "Exit this page": someone who may be watched over their shoulder leaves the service at once,
// for an everyday site, with as little trace as a web page can manage. The steps below are
// synchronous, so nothing of the service is painted again between the press and the new site.

/** The neutral site "Exit this page" opens in place of the service (the GOV.UK pattern's own). */
export const NEUTRAL_SITE_URL = "https://www.bbc.co.uk/weather";

// The one thing remembered after an exit: that it happened, so that pressing Back to reach one
// of the service's pages sends the person straight on to the neutral site again. It holds no
// answers. sessionStorage belongs to this tab and goes when the tab closes.
const EXITED_KEY = "psu.exited";

type ExitListener = () => void;
const listeners = new Set<ExitListener>();
let exited = false;

/** Runs `listener` when the person exits (to drop in-memory answers); returns an unsubscribe function. */
export function onExitThisPage(listener: ExitListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once the person has exited: code that would write to browser storage must not. */
export function hasExitedThisPage(): boolean {
  return exited;
}

/** Blanks the page, forgets every answer in memory and in sessionStorage, and replaces the page with the neutral site. */
export function exitThisPage(): void {
  exited = true;
  blankThePage();
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // One part failing to forget its state must not stop the exit.
    }
  }
  try {
    sessionStorage.clear();
    sessionStorage.setItem(EXITED_KEY, "1");
  } catch {
    // Storage can be unavailable (private modes, quotas); the exit goes ahead regardless.
  }
  // replace(), not assign(): the service's page is taken out of the history, so Back does not return to it.
  window.location.replace(NEUTRAL_SITE_URL);
}

function blankThePage(): void {
  document.title = "";
  const blank = document.createElement("div");
  blank.style.cssText = "position:fixed;inset:0;background:#fff;z-index:2147483647";
  document.body.replaceChildren(blank);
}

/**
 * Called before the app renders. After an exit, Back can still reach the service's earlier pages
 * (a web page cannot delete history entries); when one of them is reached that way, or restored
 * from the back-forward cache, this leaves for the neutral site again without showing anything.
 * Opening the service afresh (a link, a typed address, a reload) clears the mark and carries on.
 * Returns true when it is leaving.
 */
export function leaveAgainIfExited(): boolean {
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && readExitedMark()) {
      blankThePage();
      window.location.replace(NEUTRAL_SITE_URL);
    }
  });
  if (!readExitedMark()) return false;
  const [navigation] = performance.getEntriesByType("navigation");
  const isHistoryTraversal = navigation instanceof PerformanceNavigationTiming && navigation.type === "back_forward";
  if (isHistoryTraversal) {
    exited = true;
    blankThePage();
    window.location.replace(NEUTRAL_SITE_URL);
    return true;
  }
  try {
    sessionStorage.removeItem(EXITED_KEY);
  } catch {
    // Nothing to clear if storage cannot be read.
  }
  return false;
}

function readExitedMark(): boolean {
  try {
    return sessionStorage.getItem(EXITED_KEY) === "1";
  } catch {
    return false;
  }
}
