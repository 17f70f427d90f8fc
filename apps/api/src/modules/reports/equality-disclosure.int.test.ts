import {
  EQUALITY_LABELS,
  EQUALITY_QUESTIONS,
  type EqualityMonitoring,
  type EqualityQuestion,
  type EqualityReport,
  EqualityReportSchema,
  listReportMonths,
  SUPPRESSION_THRESHOLD,
} from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createSignedInStaff } from "../../test/staff-fixtures";
import { buildEqualityReport, NOT_ANSWERED } from "./reports.service";

// Decision 019: equality figures only for ended calendar quarters, so that no allowed report can
// be subtracted from (or added to) another to reveal a count under 5 the suppression hid. This
// test asks the API for every period a user could ask for over a seeded fixture with small
// groups, keeps the ones it answers, and checks every pair of them as an attacker would:
//
// The unknowns are the true counts of each answer in each month. Each report tells the attacker
// linear equations: a shown cell is the sum of its answer over the report's months; a shown
// total the sum of every answer. A count (an answer, or all answers, over a set of months: a
// report's own cell, or the months in one report and not the other, in both, in either) is
// revealed when it follows from those equations: when its vector is in their span, or when a
// non-negative combination of them adds up to 0 over months and answers that include it (counts
// are never negative, so each must be 0). Revealing a count under 5 is a disclosure. The same
// check, run on the overlapping periods the reports once allowed, finds disclosures: so it can fail.

const NOW = new Date("2027-01-15T12:00:00Z");
const QUESTIONS = Object.keys(EQUALITY_QUESTIONS) as EqualityQuestion[];
const FIRST_MONTH = "2025-01";
const LAST_MONTH = "2027-01";
const MONTHS = listReportMonths(FIRST_MONTH, LAST_MONTH);

type Response = { month: string; answers: EqualityMonitoring };

/** A small unit's two years: hand-made small groups in 2025, generated months in 2026. */
function buildFixture(): Response[] {
  const rows: Response[] = [];
  const add = (month: string, count: number, answers: EqualityMonitoring) => {
    for (let i = 0; i < count; i++) rows.push({ month, answers });
  };
  // 2025 Q1: one female Roma respondent among men.
  add("2025-01", 4, { sex: "male", disability: "yes", ageBand: "25_29" });
  add("2025-02", 2, { sex: "male", disability: "no", ageBand: "30_34" });
  add("2025-03", 1, { sex: "female", ethnicity: "white_roma", disability: "no", ageBand: "25_29" });
  add("2025-03", 1, {});
  // 2025 Q2: three responses, a quarter under 5.
  add("2025-05", 3, { sex: "male", religion: "sikh" });
  // 2025 Q3: everyone said "no" to disability; three women in July alone.
  add("2025-07", 3, { sex: "female", disability: "no", religion: "jewish" });
  add("2025-08", 3, { sex: "female", disability: "no" });
  add("2025-08", 3, { sex: "male", disability: "no", sexualOrientation: "bisexual" });
  add("2025-09", 3, { sex: "female", disability: "no" });
  add("2025-09", 3, { sex: "male", disability: "no" });
  // 2025 Q4: one woman among men.
  add("2025-10", 3, { sex: "male", ageBand: "35_39" });
  add("2025-11", 3, { sex: "male", ageBand: "35_39", disability: "prefer_not_to_say" });
  add("2025-12", 1, { sex: "female", ageBand: "60_64" });
  // 2026: Q1 empty, then generated months (a fixed seed), rare answers included.
  let seed = 20_261_206;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <Value>(values: readonly Value[]): Value => values[Math.floor(random() * values.length)] as Value;
  for (const month of listReportMonths("2026-04", "2026-12")) {
    const count = Math.floor(random() * 10);
    for (let i = 0; i < count; i++) {
      const answers: Record<string, string> = {};
      for (const question of QUESTIONS) {
        if (random() < 0.2) continue;
        const codes = Object.keys(EQUALITY_LABELS[question]);
        // Mostly the first few answers, sometimes any (a rare one).
        answers[question] = random() < 0.85 ? pick(codes.slice(0, 3)) : pick(codes);
      }
      rows.push({ month, answers });
    }
  }
  // January 2027: the quarter is not over, so it is not shown.
  add("2027-01", 6, { sex: "female", disability: "yes" });
  return rows;
}

const FIXTURE = buildFixture();

/** The answers of a question as the report lists them: the form's, then "not answered". */
function answersOf(question: EqualityQuestion): string[] {
  return [...Object.keys(EQUALITY_LABELS[question]), NOT_ANSWERED.answer];
}

/** The true count of an answer (or of every answer: null) over some months. */
function trueCount(question: EqualityQuestion, answer: string | null, months: ReadonlySet<string>): number {
  return FIXTURE.filter(
    (row) => months.has(row.month) && (answer === null || (row.answers[question] ?? NOT_ANSWERED.answer) === answer),
  ).length;
}

// --- The attacker's linear algebra, over the unknowns (month, answer) of one question. ---

type Vector = number[];
const EPSILON = 1e-9;

interface Equation {
  vector: Vector;
  value: number;
}

/** A basis of the equations' span (row echelon form, pivots recorded). */
function reduce(equations: readonly Equation[]): { rows: Vector[]; pivots: number[] } {
  const rows: Vector[] = [];
  const pivots: number[] = [];
  for (const equation of equations) {
    const residual = reduceAgainst(equation.vector, rows, pivots);
    const pivot = residual.findIndex((value) => Math.abs(value) > EPSILON);
    if (pivot === -1) continue;
    const scale = residual[pivot] as number;
    rows.push(residual.map((value) => value / scale));
    pivots.push(pivot);
  }
  return { rows, pivots };
}

function reduceAgainst(vector: Vector, rows: readonly Vector[], pivots: readonly number[]): Vector {
  const residual = [...vector];
  rows.forEach((row, index) => {
    const pivot = pivots[index] as number;
    const factor = residual[pivot] as number;
    if (Math.abs(factor) <= EPSILON) return;
    row.forEach((value, column) => {
      residual[column] = (residual[column] as number) - factor * value;
    });
  });
  return residual;
}

interface Report {
  label: string;
  months: Set<string>;
  report: EqualityReport;
}

interface Disclosure {
  question: EqualityQuestion;
  what: string;
  count: number;
}

/** The counts one or two reports reveal that are under 5 and were not shown. */
function findDisclosures(reports: readonly Report[]): Disclosure[] {
  const months = [...new Set(reports.flatMap((report) => [...report.months]))].sort();
  const disclosures: Disclosure[] = [];
  for (const question of QUESTIONS) {
    const answers = answersOf(question);
    const width = months.length * answers.length;
    const vectorOf = (answer: string | null, inMonths: ReadonlySet<string>): Vector => {
      const vector: Vector = Array(width).fill(0);
      months.forEach((month, m) => {
        if (!inMonths.has(month)) return;
        answers.forEach((candidate, a) => {
          if (answer === null || candidate === answer) vector[m * answers.length + a] = 1;
        });
      });
      return vector;
    };

    // What the reports show, as equations; and each report's hidden remainder (total minus shown).
    const equations: Equation[] = [];
    const nonNegative: Equation[] = [];
    for (const { months: inMonths, report } of reports) {
      const found = report.questions.find((candidate) => candidate.question === question);
      if (!found) throw new Error(`no question ${question}`);
      const shown = found.answers.filter((cell) => !cell.suppressed && cell.count !== null);
      for (const cell of shown) {
        const equation = { vector: vectorOf(cell.answer, inMonths), value: cell.count as number };
        equations.push(equation);
        nonNegative.push(equation);
      }
      if (!found.total.suppressed && found.total.count !== null) {
        const total = { vector: vectorOf(null, inMonths), value: found.total.count };
        equations.push(total);
        nonNegative.push(total);
        const remainder = shown.reduce(
          (sum, cell) => ({
            vector: sum.vector.map((value, i) => value - (vectorOf(cell.answer, inMonths)[i] as number)),
            value: sum.value - (cell.count as number),
          }),
          total,
        );
        nonNegative.push(remainder);
      }
    }
    // Sums and differences of two of them that are non-negative everywhere (one report's cell
    // minus another's over fewer months, say): any that adds up to 0 forces its counts to 0.
    const combinations = [...nonNegative];
    for (const first of nonNegative) {
      for (const second of nonNegative) {
        if (first === second) continue;
        const difference = first.vector.map((value, i) => value - (second.vector[i] as number));
        if (difference.every((value) => value >= 0) && difference.some((value) => value > 0)) {
          combinations.push({ vector: difference, value: first.value - second.value });
        }
      }
    }
    const forcedZero = combinations
      .filter((equation) => equation.value === 0 && equation.vector.every((value) => value >= 0))
      .map((equation) => equation.vector);

    const basis = reduce(equations);
    const isDetermined = (vector: Vector) =>
      reduceAgainst(vector, basis.rows, basis.pivots).every((value) => Math.abs(value) <= EPSILON) ||
      forcedZero.some((zero) => vector.every((value, i) => value === 0 || (zero[i] as number) > 0));

    // Every count the attacker might want: each report's hidden cells, and every answer (and all
    // answers) over the months in one report only, in both, or in either.
    const targets: { what: string; answer: string | null; months: Set<string> }[] = [];
    for (const { label, months: inMonths, report } of reports) {
      const found = report.questions.find((candidate) => candidate.question === question);
      for (const cell of found?.answers ?? []) {
        if (cell.suppressed) targets.push({ what: `${label}: ${cell.answer}`, answer: cell.answer, months: inMonths });
      }
    }
    if (reports.length === 2) {
      const [a, b] = reports as [Report, Report];
      const sets = {
        [`${a.label} only`]: new Set([...a.months].filter((month) => !b.months.has(month))),
        [`${b.label} only`]: new Set([...b.months].filter((month) => !a.months.has(month))),
        [`${a.label} and ${b.label}`]: new Set([...a.months].filter((month) => b.months.has(month))),
        [`${a.label} or ${b.label}`]: new Set([...a.months, ...b.months]),
      };
      for (const [label, inMonths] of Object.entries(sets)) {
        if (inMonths.size === 0) continue;
        for (const answer of [...answers, null]) {
          targets.push({ what: `${label}: ${answer ?? "all answers"}`, answer, months: inMonths });
        }
      }
    }
    for (const target of targets) {
      const count = trueCount(question, target.answer, target.months);
      if (count < SUPPRESSION_THRESHOLD && isDetermined(vectorOf(target.answer, target.months))) {
        disclosures.push({ question, what: target.what, count });
      }
    }
  }
  return disclosures;
}

// --- The app, the fixture, and every period a user could ask for. ---

let headers: Record<string, string>;
const allowed: Report[] = [];
const refused: string[] = [];

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  headers = (await createSignedInStaff(testApp.app, { role: "coordinator" })).headers;
  await testApp.app.prisma.equalityResponse.createMany({
    data: FIXTURE.map((row) => ({ submittedMonth: row.month, answers: row.answers })),
  });
  for (const [i, from] of MONTHS.entries()) {
    for (const to of MONTHS.slice(i)) {
      const response = await testApp.app.inject({
        method: "GET",
        url: `/api/staff/reports/equality?from=${from}&to=${to}`,
        headers,
      });
      if (response.statusCode === 200) {
        allowed.push({
          label: `${from} to ${to}`,
          months: new Set(listReportMonths(from, to)),
          report: EqualityReportSchema.parse(response.json()),
        });
      } else {
        expect(response.statusCode).toBe(400);
        refused.push(`${from} to ${to}`);
      }
    }
  }
}, 120_000);

describe("equality figures cannot be differenced", () => {
  it("allows only the calendar quarters that have ended, of every period a user could ask for", () => {
    expect(allowed.map((report) => report.label)).toEqual([
      "2025-01 to 2025-03",
      "2025-04 to 2025-06",
      "2025-07 to 2025-09",
      "2025-10 to 2025-12",
      "2026-01 to 2026-03",
      "2026-04 to 2026-06",
      "2026-07 to 2026-09",
      "2026-10 to 2026-12",
    ]);
    expect(refused).toHaveLength((MONTHS.length * (MONTHS.length + 1)) / 2 - allowed.length);
    expect(refused).toContain("2027-01 to 2027-01");
  });

  it("has small groups to protect: the reports hide counts under 5", () => {
    const hidden = allowed.flatMap(({ label, report }) =>
      report.questions.flatMap((question) =>
        question.answers
          .filter((cell) => cell.suppressed)
          .map((cell) => `${label} ${question.question} ${cell.answer}`),
      ),
    );
    expect(hidden.length).toBeGreaterThan(100);
    const smallButNotZero = allowed.filter(({ months }) =>
      QUESTIONS.some((question) =>
        answersOf(question).some((answer) => {
          const count = trueCount(question, answer, months);
          return count > 0 && count < SUPPRESSION_THRESHOLD;
        }),
      ),
    );
    expect(smallButNotZero.length).toBeGreaterThanOrEqual(6);
  });

  it("reveals no hidden count under 5 from any allowed report on its own", () => {
    for (const report of allowed) expect(findDisclosures([report]), report.label).toEqual([]);
  });

  it("reveals no count under 5 from any two allowed reports, their difference or their sum", () => {
    let pairs = 0;
    for (const [i, first] of allowed.entries()) {
      for (const second of allowed.slice(i + 1)) {
        pairs += 1;
        expect(findDisclosures([first, second]), `${first.label} with ${second.label}`).toEqual([]);
      }
    }
    expect(pairs).toBe(28);
  });

  it("would find disclosures in the periods the report allowed before: overlapping months, a year beside its quarter", async () => {
    const report = async (from: string, to: string): Promise<Report> => ({
      label: `${from} to ${to}`,
      months: new Set(listReportMonths(from, to)),
      report: await buildEqualityReport(testApp.app.prisma, { from, to }, NOW),
    });
    const quarter = await report("2025-07", "2025-09");
    // July's three responses: 15 in July to September less 12 in August to September.
    const overlapping = findDisclosures([quarter, await report("2025-08", "2025-09")]);
    expect(overlapping).toContainEqual({ question: "sex", what: "2025-07 to 2025-09 only: all answers", count: 3 });
    // The year's 11 women less the quarter's 9: the two in the other quarters.
    const year = await report("2025-01", "2025-12");
    expect(findDisclosures([year, quarter]).filter((found) => found.question === "sex")).toContainEqual({
      question: "sex",
      what: "2025-01 to 2025-12 only: female",
      count: 2,
    });
  });
});
