import { addCalendarDays, computeSlaClock, type SlaKind, toLondonDate } from "@psu/domain";
import { describe, expect, it } from "vitest";
import { findLatestStartForDueSoonOrBreached } from "./due-soon-window";

// The queue drops cases in SQL with this bound before computing their clocks, so it must never
// drop one that is due soon or breached. Checked exhaustively over two months around Christmas
// and Easter bank holidays, every start day at two times of day, with and without a pause.
const NOW_DAYS = Array.from({ length: 60 }, (_, index) => addCalendarDays("2026-12-01", index)).concat(
  Array.from({ length: 30 }, (_, index) => addCalendarDays("2027-03-15", index)),
);

describe("findLatestStartForDueSoonOrBreached", () => {
  it.each<SlaKind>(["triage", "first_contact"])("never leaves out a %s clock that is due soon or breached", (kind) => {
    let checked = 0;
    for (const nowDay of NOW_DAYS) {
      const now = new Date(`${nowDay}T12:00:00Z`);
      const latest = findLatestStartForDueSoonOrBreached(kind, toLondonDate(now));
      for (let back = 0; back <= 20; back++) {
        const startDay = addCalendarDays(nowDay, -back);
        for (const time of ["T08:00:00Z", "T22:30:00Z"]) {
          const startedAt = new Date(`${startDay}${time}`);
          if (startedAt > now) continue;
          const pause = { from: new Date(startedAt.getTime() + 3_600_000), to: now };
          for (const pauses of [[], [pause]]) {
            const clock = computeSlaClock({ kind, startedAt, pauses, now });
            if (clock.state === "due_soon" || clock.state === "breached") {
              expect(toLondonDate(startedAt) <= latest, `${kind} from ${startedAt.toISOString()} at ${nowDay}`).toBe(
                true,
              );
              checked += 1;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("is tight on an ordinary week: a Monday sees triage clocks started up to Sunday", () => {
    expect(findLatestStartForDueSoonOrBreached("triage", "2026-11-23")).toBe("2026-11-22");
    const fromMonday = computeSlaClock({
      kind: "triage",
      startedAt: "2026-11-23T09:00:00Z",
      now: "2026-11-23T12:00:00Z",
    });
    expect(fromMonday.state).toBe("on_track");
  });
});
