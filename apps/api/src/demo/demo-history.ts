import { randomUUID } from "node:crypto";
import {
  type CaseOutcome,
  type CaseStatus,
  type EqualityMonitoring,
  EqualityMonitoringSchema,
  type ReferralSubmission,
  ReferralSubmissionSchema,
  toLondonDate,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { createEqualityResponse } from "../modules/equality/equality.repository";
import { submitReferral } from "../modules/referrals/referrals.service";

// A year of fictional history for the demo, so the reports have something to show: referrals
// spread over the last 12 months that went through triage, allocation and first contact, most
// of them closed, a few still open; and equality answers with no link to any of them. The same
// every time (a fixed pseudo-random sequence), relative to the day the demo starts.

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
export const HISTORY_REFERRALS = 150;
export const HISTORY_EQUALITY_RESPONSES = 120;

/** A small, fixed pseudo-random sequence (mulberry32): the demo's history is the same each time. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted choices with a number from 0 to 1. */
function pick<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = choices.at(-1);
  if (!last) throw new Error("pick needs at least one choice");
  return last[0];
}

type Services = ReferralSubmission["services"];

// Each group's eligibility answers (without the region) and the register its trainees are on.
const GROUPS: readonly (readonly [
  { eligibility: Record<string, unknown>; register: string; number: string },
  number,
])[] = [
  [{ eligibility: { group: "doctor_or_dentist", trainingNumber: "current" }, register: "GMC", number: "7654321" }, 55],
  [{ eligibility: { group: "gp_scheme", schemeOffered: true }, register: "GMC", number: "7654321" }, 14],
  [
    {
      eligibility: { group: "healthcare_professional", band: "5", inRecognisedScheme: true },
      register: "NMC",
      number: "12A3456E",
    },
    11,
  ],
  [
    {
      eligibility: { group: "pharmacy", pharmacyRoute: "foundation_trainee_pharmacist" },
      register: "GPhC",
      number: "2087654",
    },
    12,
  ],
  [{ eligibility: { group: "caps_or_msw" }, register: "GMC", number: "7654321" }, 8],
];

const SERVICE_CHOICES: readonly (readonly [Services, number])[] = [
  [["spoc"], 48],
  [["coaching"], 20],
  [["ist"], 14],
  [["careers"], 12],
  [["ist", "spoc"], 6],
];

/** The demo lead who has left (demo-seed.ts): the history's closed cases were theirs. */
const FORMER_LEAD = "former.lead@psu.example";

/** Which demo lead takes an open case, by the first service asked for (demo-seed.ts's leads). */
const LEAD_FOR_SERVICE: Readonly<Record<string, string>> = {
  spoc: "spoc.lead@psu.example",
  ist: "ist.lead@psu.example",
  coaching: "coaching.lead@psu.example",
  careers: "coaching.lead@psu.example",
};

/** A complete referral, checked by the same schema the API checks a trainee's with. */
function historySubmission(index: number, random: () => number): ReferralSubmission {
  const group = pick(random, GROUPS);
  const region = pick(random, [
    ["london", 68],
    ["kss", 32],
  ]);
  return ReferralSubmissionSchema.parse({
    eligibility: { referrer: "self", region, concerns: [], ...group.eligibility },
    services: pick(random, SERVICE_CHOICES),
    details: {
      fullName: `History Trainee ${index + 1}`,
      personalEmail: `history.trainee.${index + 1}@example.com`,
      phone: "+447700900982",
      preferredContact: "email",
      registration: { register: group.register, number: group.number },
      programme: "Demo programme",
      grade: "ST2",
      employer: "Example Hospitals NHS Trust",
      workPattern: "full_time",
    },
    story: {
      whatIsHappening: "Demo history: a fictional referral, for the reports.",
      howSoon: pick(random, [
        ["when_possible", 45],
        ["soon_within_a_month", 40],
        ["urgent_within_a_week", 15],
      ]),
    },
    consent: {
      acceptsConfidentialityPolicy: true,
      understandsSafetyOverride: true,
      consentsToSupervisorContact: false,
    },
  });
}

/** Hours after an event; weekends and bank holidays are left to the SLA clock to count. */
function after(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * HOUR_MS);
}

/** How far a history case got, and when: each step's time, or null when it has not happened. */
interface CaseStory {
  triagedAt: Date;
  allocatedAt: Date | null;
  firstContactAt: Date | null;
  supportAt: Date | null;
  closedAt: Date | null;
  outcome: CaseOutcome | null;
  withdrawn: boolean;
}

/** The last few referrals stop part-way, so the reports show cases at every open step. */
const RECENT_STOPS = ["first_contact", "allocated", "triage", "first_contact", "allocated", "triage"] as const;
type Stop = (typeof RECENT_STOPS)[number];

/** The story cut short after `stop`: still open there. */
function stopAfter(story: CaseStory, stop: Stop): CaseStory {
  const open = { supportAt: null, closedAt: null, outcome: null, withdrawn: false };
  if (stop === "triage") return { ...story, ...open, allocatedAt: null, firstContactAt: null };
  if (stop === "allocated") return { ...story, ...open, firstContactAt: null };
  return { ...story, ...open };
}

function planStory(submittedAt: Date, now: Date, random: () => number): CaseStory | null {
  // Most referrals are triaged within two working days; a few wait longer.
  const triagedAt = after(
    submittedAt,
    pick(random, [
      [3, 20],
      [20, 25],
      [44, 25],
      [68, 15],
      [120, 10],
      [170, 5],
    ]),
  );
  if (triagedAt >= now) return null;
  const story: CaseStory = {
    triagedAt,
    allocatedAt: null,
    firstContactAt: null,
    supportAt: null,
    closedAt: null,
    outcome: null,
    withdrawn: false,
  };
  const ending = random();
  // About one in twelve is closed at triage (not eligible after all, or no reply); a few withdraw.
  if (ending < 0.06) return { ...story, closedAt: after(triagedAt, 2), outcome: "not_eligible" };
  if (ending < 0.1) return { ...story, closedAt: after(triagedAt, 30), withdrawn: true };
  const allocatedAt = after(
    triagedAt,
    pick(random, [
      [1, 40],
      [5, 30],
      [24, 20],
      [48, 10],
    ]),
  );
  if (allocatedAt >= now) return story;
  const firstContactAt = after(
    allocatedAt,
    pick(random, [
      [20, 20],
      [44, 25],
      [70, 20],
      [96, 15],
      [140, 12],
      [220, 8],
    ]),
  );
  if (firstContactAt >= now) return { ...story, allocatedAt };
  const supportAt = after(firstContactAt, 24);
  const closedAt = after(supportAt, 24 * (7 + Math.floor(random() * 35)));
  const outcome = pick<CaseOutcome>(random, [
    ["support_completed", 70],
    ["referred_elsewhere", 15],
    ["no_response", 10],
    ["declined", 5],
  ]);
  return {
    ...story,
    allocatedAt,
    firstContactAt,
    supportAt: supportAt < now ? supportAt : null,
    closedAt: closedAt < now ? closedAt : null,
    outcome: closedAt < now ? outcome : null,
  };
}

function finalStatus(story: CaseStory): CaseStatus {
  if (story.withdrawn) return "withdrawn";
  if (story.closedAt) return "closed";
  if (story.supportAt) return "in_support";
  if (story.firstContactAt) return "first_contact";
  if (story.allocatedAt) return "allocated";
  return "triage";
}

type TimelineEvent = { at: Date; actorId: string; kind: string; data: Record<string, unknown> };

/** The timeline events the staff screens would have written for the story, in order. */
function planEvents(story: CaseStory, coordinatorId: string, leadId: string): TimelineEvent[] {
  const events: TimelineEvent[] = [
    {
      at: story.triagedAt,
      actorId: coordinatorId,
      kind: "status_changed",
      data: { from: "new", to: "triage", reason: null, outcome: null },
    },
  ];
  if (story.allocatedAt) {
    events.push({
      at: story.allocatedAt,
      actorId: coordinatorId,
      kind: "assigned",
      data: { leadId, previousLeadId: null, from: "triage", to: "allocated", overrides: [] },
    });
  }
  if (story.firstContactAt) {
    events.push({
      at: story.firstContactAt,
      actorId: leadId,
      kind: "first_contact_recorded",
      data: { contactedAt: story.firstContactAt.toISOString(), from: "allocated", to: "first_contact" },
    });
  }
  if (story.supportAt) {
    events.push({
      at: story.supportAt,
      actorId: leadId,
      kind: "status_changed",
      data: { from: "first_contact", to: "in_support", reason: null, outcome: null },
    });
  }
  if (story.closedAt) {
    const from = story.supportAt ? "in_support" : "triage";
    events.push({
      at: story.closedAt,
      actorId: story.supportAt ? leadId : coordinatorId,
      kind: "status_changed",
      data: story.withdrawn
        ? { from, to: "withdrawn", reason: "The trainee asked to withdraw (demo history).", outcome: null }
        : { from, to: "closed", reason: null, outcome: story.outcome },
    });
  }
  return events;
}

/**
 * Referrals over the last 12 months, each submitted through the real service (so the referral
 * and its case are exactly what a trainee's submission makes) and then moved on as staff would
 * have: the case's columns and its timeline. No audit entries: nobody read or changed these
 * cases; the audit log records what staff really do.
 */
export async function seedReferralHistory(prisma: PrismaClient, now: Date): Promise<void> {
  const random = createRandom(20261125);
  const staff = await prisma.staffMember.findMany({ select: { id: true, email: true } });
  const idOf = (email: string) => {
    const found = staff.find((member) => member.email === email);
    if (!found) throw new Error(`Demo staff member missing: ${email}`);
    return found.id;
  };
  const coordinatorId = idOf("coordinator@psu.example");

  for (let index = 0; index < HISTORY_REFERRALS; index++) {
    // Evenly from 360 days ago to 3 days ago, in working hours.
    const daysAgo = 360 - Math.floor((index * 357) / HISTORY_REFERRALS);
    const submittedAt = new Date(now.getTime() - daysAgo * DAY_MS);
    submittedAt.setUTCHours(8 + Math.floor(random() * 9), Math.floor(random() * 60), 0, 0);
    const submission = historySubmission(index, random);
    const { receipt } = await submitReferral(prisma, { submission, idempotencyKey: randomUUID(), now: submittedAt });

    const planned = planStory(submittedAt, now, random);
    if (!planned) continue;
    const stop = RECENT_STOPS[index - (HISTORY_REFERRALS - RECENT_STOPS.length)];
    const story = stop && planned.allocatedAt && planned.firstContactAt ? stopAfter(planned, stop) : planned;
    // Cases that ended were a former lead's; open ones belong to today's leads.
    const leadId = story.closedAt
      ? idOf(FORMER_LEAD)
      : idOf(LEAD_FOR_SERVICE[submission.services[0] ?? "spoc"] ?? "spoc.lead@psu.example");
    const events = planEvents(story, coordinatorId, leadId);
    const found = await prisma.case.findFirstOrThrow({
      where: { referral: { reference: receipt.reference } },
      select: { id: true },
    });
    await prisma.$transaction([
      prisma.case.update({
        where: { id: found.id },
        data: {
          status: finalStatus(story),
          version: { increment: events.length },
          updatedAt: events.at(-1)?.at ?? submittedAt,
          triagedAt: story.triagedAt,
          allocatedAt: story.allocatedAt,
          leadId: story.allocatedAt ? leadId : null,
          firstContactAt: story.firstContactAt,
          closedAt: story.closedAt,
          outcome: story.outcome,
        },
        select: { id: true },
      }),
      prisma.caseEvent.createMany({
        data: events.map((event) => ({
          caseId: found.id,
          at: event.at,
          actorType: "staff",
          actorId: event.actorId,
          kind: event.kind,
          data: JSON.parse(JSON.stringify(event.data)),
        })),
      }),
    ]);
  }
  // Those emails went out at the time: the demo's mail log should show only today's.
  await prisma.outboxMessage.updateMany({ where: { sentAt: null }, data: { sentAt: now } });
}

type Question = keyof EqualityMonitoring;

/** How often each answer comes up (the rest of a question's answers are rarer, or skipped). */
const EQUALITY_WEIGHTS: Readonly<Record<Question, readonly (readonly [string | null, number])[]>> = {
  ageBand: [
    ["25_29", 38],
    ["30_34", 30],
    ["35_39", 14],
    ["16_24", 8],
    ["40_44", 5],
    ["prefer_not_to_say", 3],
    [null, 2],
  ],
  sex: [
    ["female", 58],
    ["male", 36],
    ["prefer_not_to_say", 4],
    [null, 2],
  ],
  genderSameAsAtBirth: [
    ["yes", 90],
    ["no", 2],
    ["prefer_not_to_say", 5],
    [null, 3],
  ],
  sexualOrientation: [
    ["heterosexual", 78],
    ["gay_or_lesbian", 6],
    ["bisexual", 5],
    ["other", 1],
    ["prefer_not_to_say", 6],
    [null, 4],
  ],
  ethnicity: [
    ["white_british", 34],
    ["asian_indian", 16],
    ["white_other", 10],
    ["black_african", 9],
    ["asian_pakistani", 7],
    ["asian_chinese", 5],
    ["mixed_white_and_asian", 3],
    ["black_caribbean", 3],
    ["other_arab", 2],
    ["white_roma", 1],
    ["prefer_not_to_say", 6],
    [null, 4],
  ],
  religion: [
    ["no_religion", 36],
    ["christian", 30],
    ["muslim", 11],
    ["hindu", 9],
    ["jewish", 3],
    ["sikh", 3],
    ["buddhist", 2],
    ["prefer_not_to_say", 4],
    [null, 2],
  ],
  disability: [
    ["no", 80],
    ["yes", 12],
    ["prefer_not_to_say", 5],
    [null, 3],
  ],
};

/** Equality answers over the last 12 months, by month only and with no link to any referral. */
export async function seedEqualityHistory(prisma: PrismaClient, now: Date): Promise<void> {
  const random = createRandom(1202611);
  for (let index = 0; index < HISTORY_EQUALITY_RESPONSES; index++) {
    const daysAgo = 360 - Math.floor((index * 357) / HISTORY_EQUALITY_RESPONSES);
    const submittedMonth = toLondonDate(new Date(now.getTime() - daysAgo * DAY_MS)).slice(0, 7);
    const answers: Record<string, string> = {};
    for (const [question, weights] of Object.entries(EQUALITY_WEIGHTS)) {
      const answer = pick<string | null>(random, weights);
      if (answer !== null) answers[question] = answer;
    }
    // Checked by the form's own schema, so every code is one the form offers.
    await createEqualityResponse(prisma, { submittedMonth, answers: EqualityMonitoringSchema.parse(answers) });
  }
}
