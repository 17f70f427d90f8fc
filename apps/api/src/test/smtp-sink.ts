import { createServer, type Server } from "node:net";

export interface ReceivedEmail {
  from: string;
  to: string[];
  /** The message as sent (headers and body), without the terminating dot. */
  data: string;
}

export interface SmtpSink {
  /** An SMTP_URL for the app: plain SMTP on loopback, no authentication. */
  url: string;
  received: ReceivedEmail[];
  close(): Promise<void>;
}

/**
 * A minimal SMTP server that accepts every message and keeps it (RFC 5321's happy path:
 * EHLO, MAIL, RCPT, DATA, RSET, QUIT), so a test sees what the app really sent over SMTP.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const server: Server = createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let envelope: ReceivedEmail = { from: "", to: [], data: "" };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 sink.test ESMTP");
    socket.on("error", () => {});
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      while (true) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          envelope.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          received.push(envelope);
          envelope = { from: "", to: [], data: "" };
          inData = false;
          reply("250 OK queued");
          continue;
        }
        const end = buffer.indexOf("\r\n");
        if (end === -1) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 sink.test");
        else if (verb === "MAIL") {
          envelope = { from: /<(.*)>/.exec(line)?.[1] ?? "", to: [], data: "" };
          reply("250 OK");
        } else if (verb === "RCPT") {
          envelope.to.push(/<(.*)>/.exec(line)?.[1] ?? "");
          reply("250 OK");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "RSET" || verb === "NOOP") reply("250 OK");
        else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
          return;
        } else reply("502 Command not implemented");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the SMTP sink has no port");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.unref();
      }),
  };
}
