import type { Prisma, PrismaClient } from "@psu/prisma";

/** Stores one set of equality answers. There is deliberately no referral or case to link it to. */
export async function createEqualityResponse(
  prisma: PrismaClient,
  response: { submittedMonth: string; answers: Prisma.InputJsonValue },
): Promise<void> {
  await prisma.equalityResponse.create({ data: response, select: { id: true } });
}
