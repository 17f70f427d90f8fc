// A minimal SMTP server for tests: RFC 5321's happy path (EHLO, MAIL, RCPT, DATA, RSET, NOOP,
// QUIT), no authentication, on loopback. Plain JavaScript, so the browser tests' start script
// (run by node, e2e/scripts/mail-sink.mjs) and the integration tests (smtp-sink.ts) share it.
import { createServer } from "node:net";

/** Starts the server on a free loopback port and calls `onMessage` with each message it accepts. */
export async function startSmtpServer(onMessage) {
  const server = createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let envelope = { from: "", to: [] };
    let inData = false;
    const reply = (line) => socket.write(`${line}\r\n`);
    reply("220 sink.test ESMTP");
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      buffer += chunk;
      while (true) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          onMessage({ ...envelope, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          envelope = { from: "", to: [] };
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
          envelope = { from: /<(.*)>/.exec(line)?.[1] ?? "", to: [] };
          reply("250 OK");
        } else if (verb === "RCPT") {
          envelope.to.push(/<(.*)>/.exec(line)?.[1] ?? "");
          reply("250 OK");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "RSET") {
          envelope = { from: "", to: [] };
          reply("250 OK");
        } else if (verb === "NOOP") reply("250 OK");
        else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
          return;
        } else reply("502 Command not implemented");
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the SMTP server has no port");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.unref();
      }),
  };
}
