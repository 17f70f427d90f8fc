import { z } from "zod";

// The downloads the unit's page lists, with their titles and dates exactly as it gives them.
// The page gives no address for any of them: admins set each link (published links), and a
// document without one tells trainees how to ask the coordinators for a copy.

export const DOCUMENT_IDS = [
  "eligibility_criteria",
  "managing_fatigue",
  "complaints_policy",
  "non_training_grades",
  "confidentiality_policy",
  "reflective_practitioner",
] as const;
export const DocumentIdSchema = z.enum(DOCUMENT_IDS);
export type DocumentId = z.infer<typeof DocumentIdSchema>;

export interface PsuDocument {
  id: DocumentId;
  title: string;
  /** When it was issued, as the unit's page says it; null where the page gives no date. */
  issued: string | null;
}

/** The unit's six documents, in the order its page lists them. */
export const DOCUMENTS: readonly PsuDocument[] = [
  { id: "eligibility_criteria", title: "PSU Eligibility Criteria", issued: "May 2022" },
  { id: "managing_fatigue", title: "Managing Fatigue associated with working nights", issued: null },
  { id: "complaints_policy", title: "Complaints Policy", issued: "December 2016" },
  { id: "non_training_grades", title: "Support for non training grades and post CCT", issued: null },
  { id: "confidentiality_policy", title: "Confidentiality Policy", issued: "November 2018" },
  {
    id: "reflective_practitioner",
    title: "Benefits of becoming a reflective practitioner",
    issued: "joint statement 2019",
  },
];

/** Finds a document by id. */
export function getDocument(id: DocumentId): PsuDocument {
  const found = DOCUMENTS.find((document) => document.id === id);
  if (!found) throw new RangeError(`No document ${id}`);
  return found;
}
