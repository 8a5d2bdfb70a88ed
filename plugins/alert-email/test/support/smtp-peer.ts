/**
 * SMTP peers on loopback for the e-mail channel's tests: a real `smtp-server`
 * offering STARTTLS (test certificate) and AUTH PLAIN/LOGIN, refusing unknown
 * recipients with 550 and recording each accepted message (envelope, raw
 * MIME, whether the session was TLS, who authenticated); plus raw TCP peers
 * that never greet (timeouts) or do not speak SMTP (malformed replies).
 */
import { readFileSync } from "node:fs";
import net from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

const fixtures = new URL("../fixtures/", import.meta.url);
export const TEST_CERT = readFileSync(new URL("smtp-test-cert.pem", fixtures), "utf8");
const TEST_KEY = readFileSync(new URL("smtp-test-key.pem", fixtures), "utf8");

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
  secure: boolean;
  user: string | undefined;
}

export interface SmtpPeerOptions {
  /** username -> password accepted by AUTH; none means AUTH is not required. */
  users?: Record<string, string>;
  /** Offer STARTTLS (default true). */
  starttls?: boolean;
  /** Recipients refused with 550. */
  unknownRecipients?: string[];
  /** Builds the 535 reply text for a refused login (to echo what the client sent). */
  authFailureText?: (username: string, password: string) => string;
}

export class SmtpPeer {
  readonly messages: ReceivedMessage[] = [];
  /** Reply (code and text) to the next DATA instead of accepting it. */
  failNextData: { code: number; text: string } | undefined;
  private readonly server: SMTPServer;
  port = 0;

  constructor(private readonly options: SmtpPeerOptions = {}) {
    const users = options.users;
    const serverOptions: SMTPServerOptions = {
      secure: false,
      key: TEST_KEY,
      cert: TEST_CERT,
      logger: false,
      authMethods: ["PLAIN", "LOGIN"],
      authOptional: users === undefined,
      disabledCommands: options.starttls === false ? ["STARTTLS"] : [],
      allowInsecureAuth: options.starttls === false,
      onAuth: (auth, _session, callback) => {
        const password = auth.password ?? "";
        if (users && auth.username && users[auth.username] === password) return callback(null, { user: auth.username });
        const text = options.authFailureText?.(auth.username ?? "", password) ?? "Authentication credentials invalid";
        callback(Object.assign(new Error(text), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (options.unknownRecipients?.includes(address.address)) {
          return callback(
            Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }),
          );
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const failure = this.failNextData;
          if (failure) {
            this.failNextData = undefined;
            return callback(Object.assign(new Error(failure.text), { responseCode: failure.code }));
          }
          const envelope = session.envelope;
          this.messages.push({
            from: envelope.mailFrom ? envelope.mailFrom.address : "",
            to: envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
            secure: session.secure,
            user: session.user as string | undefined,
          });
          callback(null, "Ok: queued as 4F1C2A");
        });
      },
    };
    this.server = new SMTPServer(serverOptions);
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.server.address() as net.AddressInfo).port;
    return this.port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A TCP peer that accepts connections and then behaves badly: never greets, or greets with non-SMTP text. */
export class RawPeer {
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  port = 0;

  constructor(greeting: string | undefined) {
    this.server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => undefined);
      if (greeting !== undefined) socket.write(greeting);
    });
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
