import { useEffect, useRef, useState } from "react";
import { exitThisPage } from "../lib/quick-exit";

// As in the GOV.UK "Exit this page" component: three presses of Shift within this time exit.
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5_000;

/**
 * The "Exit this page" button (GOV.UK pattern, in NHS.UK's warning button style), held at the top
 * of the screen while the page scrolls, and the Shift key shortcut: pressing Shift 3 times within
 * 5 seconds does the same. Screen reader users hear how many more presses are needed.
 */
export function ExitThisPage() {
  const pressesLeft = useShiftShortcut();

  return (
    <div className="app-exit-this-page">
      <button
        className="nhsuk-button nhsuk-button--warning app-exit-this-page__button"
        type="button"
        onClick={exitThisPage}
      >
        <span className="nhsuk-u-visually-hidden">Emergency </span>Exit this page
      </button>
      <div className="nhsuk-u-visually-hidden" aria-live="polite">
        {pressesLeft === null
          ? ""
          : `Shift, press ${pressesLeft} more ${pressesLeft === 1 ? "time" : "times"} to exit.`}
      </div>
    </div>
  );
}

/** Exits on the third Shift press within 5 seconds; returns the presses still needed while counting. */
function useShiftShortcut(): number | null {
  const [pressesLeft, setPressesLeft] = useState<number | null>(null);
  const presses = useRef<number[]>([]);
  const lastKeyHadShift = useRef(false);

  useEffect(() => {
    let resetTimer: ReturnType<typeof setTimeout> | undefined;
    function reset() {
      presses.current = [];
      setPressesLeft(null);
    }

    // On key up, like GOV.UK's: Shift released after typing a capital letter (Shift still held
    // when that letter's key came up) does not count, so typing in a form never exits.
    function onKeyUp(event: KeyboardEvent) {
      const isLoneShift = event.key === "Shift" && !lastKeyHadShift.current;
      lastKeyHadShift.current = event.shiftKey;
      if (!isLoneShift) {
        if (presses.current.length > 0 && event.key !== "Shift") reset();
        return;
      }
      const now = event.timeStamp;
      presses.current = [...presses.current.filter((time) => now - time < SHIFT_WINDOW_MS), now];
      if (presses.current.length >= SHIFT_PRESSES) {
        presses.current = [];
        exitThisPage();
        return;
      }
      setPressesLeft(SHIFT_PRESSES - presses.current.length);
      // The count starts again when the time runs out, and the message goes with it.
      clearTimeout(resetTimer);
      resetTimer = setTimeout(reset, SHIFT_WINDOW_MS);
    }
    document.addEventListener("keyup", onKeyUp);
    return () => {
      clearTimeout(resetTimer);
      document.removeEventListener("keyup", onKeyUp);
    };
  }, []);

  return pressesLeft;
}
