import {
  type ErasurePreview,
  ErasurePreviewSchema,
  type ErasureRequest,
  type ErasureResult,
  ErasureResultSchema,
  type SubjectAccessRequest,
} from "@psu/domain";
import { ApiError, fetchJson } from "../../../lib/api-client";

/**
 * Downloads the subject access export. The email or reference goes in the request body and the
 * file is saved from a Blob, so neither reaches a URL, the history or browser storage.
 */
export async function downloadSubjectAccess(query: SubjectAccessRequest): Promise<void> {
  const response = await fetch("/api/staff/data-protection/subject-access", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(query),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError({
      status: response.status,
      code: body?.error?.code ?? "UNEXPECTED_RESPONSE",
      message: body?.error?.message ?? `The service answered with status ${response.status}`,
    });
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "subject-access.json";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
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
