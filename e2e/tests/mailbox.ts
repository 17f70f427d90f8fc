import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";

// The emails the app under test really sent, over SMTP, to the sink scripts/start-e2e-server.mjs
// runs: one JSON file each ({ to, data }) in the same folder as the one it names.
const MAIL_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  `../../.data/e2e-mail-${process.env.E2E_PORT ?? "3100"}`,
);

type Sent = { to: string[]; data: string };

/** The body of a MIME message as text, whatever transfer encoding nodemailer chose. */
function readBody(data: string): string {
  const split = data.indexOf("\r\n\r\n");
  const headers = data.slice(0, split);
  const body = data.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    return body
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return body;
}

function findLink(recipient: string, path: string): string | null {
  let files: string[] = [];
  try {
    files = readdirSync(MAIL_DIR).sort().reverse();
  } catch {
    return null;
  }
  for (const file of files) {
    const sent = JSON.parse(readFileSync(join(MAIL_DIR, file), "utf8")) as Sent;
    if (!sent.to.includes(recipient)) continue;
    const link = new RegExp(`https?://\\S+${path.replace(/[/]/g, "\\/")}#[\\w-]+`).exec(readBody(sent.data))?.[0];
    if (link) return link;
  }
  return null;
}

/** Waits for the newest email to `recipient` holding a link to `path` (such as "/staff/invitation"), and returns the link's path and fragment. */
export async function waitForEmailedLink(recipient: string, path: string): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(
      () => {
        link = findLink(recipient, path);
        return link;
      },
      { timeout: 20_000, message: `an email to ${recipient} with a link to ${path}` },
    )
    .not.toBeNull();
  const url = new URL(link ?? "");
  return `${url.pathname}${url.hash}`;
}

/** How many emails have been sent to `recipient` so far. */
export function countEmailsTo(recipient: string): number {
  try {
    return readdirSync(MAIL_DIR).filter((file) =>
      (JSON.parse(readFileSync(join(MAIL_DIR, file), "utf8")) as Sent).to.includes(recipient),
    ).length;
  } catch {
    return 0;
  }
}
