import { toLondonDate } from "@psu/domain";
import { describeEvent, type StaffNames } from "../case-view/describe-event";

/** The last thing that happened to a case: its latest timeline event. */
export interface ChangeSeen {
  at: Date;
  actorType: string;
  actorId: string | null;
  kind: string;
  data: unknown;
}

const RELOAD = "Reload to see the case as it is now.";

const TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long" });

/** "at 10:42" today (London time), "on 3 June at 10:42" on another day. */
function formatWhen(at: Date, now: Date): string {
  const time = `at ${TIME.format(at)}`;
  return toLondonDate(at) === toLondonDate(now) ? time : `on ${DAY.format(at)} ${time}`;
}

function nameActor(change: ChangeSeen, names: StaffNames): string {
  const name = change.actorId ? names.get(change.actorId) : undefined;
  if (name) return name;
  if (change.actorType === "trainee") return "The trainee";
  if (change.actorType === "system") return "The system";
  return "Someone else";
}

/**
 * What a 412 says: who changed the case under you, when, and what they did, from its latest
 * timeline event, described as the timeline describes it: "Casey Coordinator changed this case
 * at 10:42: allocated to Sam Spoc. Reload to see the case as it is now."
 */
export function describeStaleCase(change: ChangeSeen | null, names: StaffNames, now: Date): string {
  if (!change) return `Someone else changed this case after you opened it. ${RELOAD}`;
  const what = describeEvent(change.kind, change.data, names);
  const sentence = `${what.charAt(0).toLowerCase()}${what.slice(1)}`.replace(/[.\s]+$/, "");
  return `${nameActor(change, names)} changed this case ${formatWhen(change.at, now)}: ${sentence}. ${RELOAD}`;
}
