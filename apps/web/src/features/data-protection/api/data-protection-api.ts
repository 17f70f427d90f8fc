import {
  type ErasurePreview,
  ErasurePreviewSchema,
  type ErasureRequest,
  type ErasureResult,
  ErasureResultSchema,
  type SubjectAccessRequest,
} from "@psu/domain";
import { fetchDownload, fetchJson } from "../../../lib/api-client";

/**
 * Downloads the subject access export. The email or reference goes in the request body and the
 * file is saved from a Blob, so neither reaches a URL, the history or browser storage.
 */
export async function downloadSubjectAccess(query: SubjectAccessRequest): Promise<void> {
  const { blob, fileName } = await fetchDownload("/api/staff/data-protection/subject-access", {
    method: "POST",
    json: query,
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName ?? "subject-access.json";
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function previewErasure(reference: string): Promise<ErasurePreview> {
  return fetchJson("/api/staff/data-protection/erasure/preview", ErasurePreviewSchema, {
    method: "POST",
    json: { reference },
  });
}

export function eraseTraineeData(request: ErasureRequest): Promise<ErasureResult> {
  return fetchJson("/api/staff/data-protection/erasure", ErasureResultSchema, { method: "POST", json: request });
}
