// A minimal SMTP server for the browser tests (RFC 5321's happy path: EHLO, MAIL, RCPT, DATA,
// RSET, QUIT). The app under test sends its real emails here through the outbox, and each one
// is written to `dir` as JSON ({ to, data }), where tests/mailbox.ts reads it.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** Starts the sink on a free loopback port; resolves to its smtp:// URL and a close function. */
export async function startMailSink(dir) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let to = [];
    let inData = false;
    const reply = (line) => socket.write(`${line}\r\n`);
    reply("220 e2e-sink ESMTP");
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      buffer += chunk;
      while (true) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          const data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          count += 1;
          writeFileSync(
            join(dir, `${Date.now()}-${String(count).padStart(6, "0")}.json`),
            JSON.stringify({ to, data }),
          );
          to = [];
          inData = false;
          reply("250 OK queued");
          continue;
        }
        const end = buffer.indexOf("\r\n");
        if (end === -1) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 e2e-sink");
        else if (verb === "MAIL" || verb === "RSET" || verb === "NOOP") {
          if (verb !== "NOOP") to = [];
          reply("250 OK");
        } else if (verb === "RCPT") {
          to.push(/<(.*)>/.exec(line)?.[1] ?? "");
          reply("250 OK");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
          return;
        } else reply("502 Command not implemented");
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `smtp://127.0.0.1:${port}`, close: () => server.close() };
}
