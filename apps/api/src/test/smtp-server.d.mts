export interface ReceivedEmail {
  from: string;
  to: string[];
  /** The message as sent (headers and body), without the terminating dot. */
  data: string;
}

export interface SmtpServer {
  /** An SMTP_URL for the app: plain SMTP on loopback, no authentication. */
  url: string;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port and calls `onMessage` with each message it accepts. */
export function startSmtpServer(onMessage: (email: ReceivedEmail) => void): Promise<SmtpServer>;
