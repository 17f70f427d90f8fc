import { type ReceivedEmail, type SmtpServer, startSmtpServer } from "./smtp-server.mjs";

export interface SmtpSink extends SmtpServer {
  received: ReceivedEmail[];
}

/** An SMTP server that accepts every message and keeps it, so a test sees what the app really sent over SMTP. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const server = await startSmtpServer((email) => received.push(email));
  return { ...server, received };
}
