import type { FastifyBaseLogger } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { startSmtpSink } from "../../test/smtp-sink";
import type { EmailContent } from "./email-templates";
import type { Mailer } from "./mail-channel";
import { createMailer } from "./mailer";
import { LAST_LEASE_EXPIRED, MAX_ATTEMPTS } from "./outbox.repository";
import { processOutboxOnce } from "./outbox.worker";

const quietLog = { warn: () => {}, error: () => {}, info: () => {} } as unknown as FastifyBaseLogger;

const testApp = useTestApp();

function recordingMailer(fail = false): Mailer & { sent: { to: string; content: EmailContent }[] } {
  const sent: { to: string; content: EmailContent }[] = [];
  return {
    sent,
    async send(to, content) {
      if (fail)
        throw Object.assign(new Error("connection refused to smtp for alex@example.com"), { code: "ECONNREFUSED" });
      sent.push({ to, content });
    },
  };
}

async function queue(reference: string, recipient: string) {
  return testApp.app.prisma.outboxMessage.create({
    data: { kind: "referral_received", recipient, payload: { reference, triageDueOn: "2026-12-01" } },
    select: { id: true },
  });
}

describe("the email outbox", () => {
  it("sends each due message once, then forgets the address", async () => {
    const { id } = await queue("PSU-7K3F-9QX4", "alex@example.com");
    const mailer = recordingMailer();
    const now = new Date();
    await processOutboxOnce(testApp.app.prisma, mailer, now, quietLog);
    await processOutboxOnce(testApp.app.prisma, mailer, now, quietLog);

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.to).toBe("alex@example.com");
    expect(mailer.sent[0]?.content.subject).toContain("PSU-7K3F-9QX4");
    expect(mailer.sent[0]?.content.text).toContain("1 December 2026");
    const row = await testApp.app.prisma.outboxMessage.findUniqueOrThrow({
      where: { id },
      select: { sentAt: true, recipient: true },
    });
    expect(row.sentAt).not.toBeNull();
    expect(row.recipient).toBe("");
  });

  it("records a failure by its code only and retries later, not at once", async () => {
    const { id } = await queue("PSU-7K3F-9QX4", "sam@example.com");
    const now = new Date();
    await processOutboxOnce(testApp.app.prisma, recordingMailer(true), now, quietLog);
    const failed = await testApp.app.prisma.outboxMessage.findUniqueOrThrow({
      where: { id },
      select: { sentAt: true, lastError: true, attempts: true, availableAt: true },
    });
    expect(failed).toMatchObject({ sentAt: null, lastError: "ECONNREFUSED", attempts: 1 });
    expect(failed.availableAt.getTime()).toBeGreaterThan(now.getTime());

    const mailer = recordingMailer();
    await processOutboxOnce(testApp.app.prisma, mailer, now, quietLog);
    expect(mailer.sent).toHaveLength(0);
    await processOutboxOnce(testApp.app.prisma, mailer, new Date(now.getTime() + 61_000), quietLog);
    expect(mailer.sent.map((message) => message.to)).toEqual(["sam@example.com"]);
  });

  it("gives up on a message whose last attempt fails, and never claims it again", async () => {
    const { id } = await queue("PSU-7K3F-9QX4", "last.try@example.com");
    await testApp.app.prisma.outboxMessage.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    const now = new Date(Date.now() + 7_200_000);
    await processOutboxOnce(testApp.app.prisma, recordingMailer(true), now, quietLog);
    const row = await testApp.app.prisma.outboxMessage.findUniqueOrThrow({
      where: { id },
      select: { sentAt: true, failedAt: true, attempts: true },
    });
    expect(row).toEqual({ sentAt: null, failedAt: now, attempts: MAX_ATTEMPTS });

    // Even with its attempts reset by hand, a message given up stays given up until failed_at is cleared too.
    await testApp.app.prisma.outboxMessage.update({ where: { id }, data: { attempts: 0 } });
    const mailer = recordingMailer();
    await processOutboxOnce(testApp.app.prisma, mailer, new Date(now.getTime() + 86_400_000), quietLog);
    expect(mailer.sent.map((message) => message.to)).not.toContain("last.try@example.com");
  });

  it("gives up on a message whose last attempt's worker died mid-send, once its lease runs out", async () => {
    const { id } = await queue("PSU-7K3F-9QX4", "crashed.send@example.com");
    // As a claim of the last attempt leaves it: attempts used up, hidden until the lease ends.
    const claimedAt = new Date(Date.now() + 3 * 86_400_000);
    await testApp.app.prisma.outboxMessage.update({
      where: { id },
      data: { attempts: MAX_ATTEMPTS, availableAt: new Date(claimedAt.getTime() + 300_000) },
    });
    const read = () =>
      testApp.app.prisma.outboxMessage.findUniqueOrThrow({
        where: { id },
        select: { sentAt: true, failedAt: true, lastError: true },
      });

    await processOutboxOnce(testApp.app.prisma, recordingMailer(), new Date(claimedAt.getTime() + 60_000), quietLog);
    expect(await read()).toMatchObject({ failedAt: null });

    const afterLease = new Date(claimedAt.getTime() + 301_000);
    const mailer = recordingMailer();
    await processOutboxOnce(testApp.app.prisma, mailer, afterLease, quietLog);
    expect(await read()).toEqual({ sentAt: null, failedAt: afterLease, lastError: LAST_LEASE_EXPIRED });
    expect(mailer.sent.map((message) => message.to)).not.toContain("crashed.send@example.com");
  });

  it("records the SMTP server's Message-ID as the delivery id", async () => {
    const sink = await startSmtpSink();
    try {
      const { id } = await queue("PSU-7K3F-9QX4", "smtp.person@example.com");
      const mailer = createMailer({ smtpUrl: sink.url, from: "PSU <psu@example.org>" }, quietLog);
      await processOutboxOnce(testApp.app.prisma, mailer, new Date(Date.now() + 10_800_000), quietLog);
      const row = await testApp.app.prisma.outboxMessage.findUniqueOrThrow({
        where: { id },
        select: { deliveryId: true },
      });
      expect(row.deliveryId).toMatch(/^<.+@.+>$/);
      expect(sink.received.find((email) => email.to.includes("smtp.person@example.com"))?.data).toContain(
        `Message-ID: ${row.deliveryId}`,
      );
    } finally {
      await sink.close();
    }
  });

  it("never sends a message twice when two workers poll at once", async () => {
    for (let index = 0; index < 30; index++) await queue("PSU-7K3F-9QX4", `person${index}@example.com`);
    const mailer = recordingMailer();
    const now = new Date(Date.now() + 3_600_000);
    await Promise.all([
      processOutboxOnce(testApp.app.prisma, mailer, now, quietLog),
      processOutboxOnce(testApp.app.prisma, mailer, now, quietLog),
      processOutboxOnce(testApp.app.prisma, mailer, now, quietLog),
    ]);
    const recipients = mailer.sent.map((message) => message.to);
    expect(new Set(recipients).size).toBe(recipients.length);
  });
});
