// The address at the other end of the TCP connection, which a route handler cannot see: it only
// gets headers. Next's own server (16.4, base-server.js) sets X-Forwarded-For to the socket's
// address only when the request has none (`??=`): a header the client sent passes through as it
// was, and the socket address is then lost. So this records it, before Next reads the request,
// into a header of our own that every request gets overwritten (a value the client sent is
// replaced). Subscribed from instrumentation.ts, once per server process.
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_ADDRESS_HEADER = "x-grantdesk-peer-address";

const globalForPeer = globalThis as unknown as { grantdeskPeerAddresses?: true };

export function recordPeerAddresses(): void {
  if (globalForPeer.grantdeskPeerAddresses) return;
  // Published by node:http for every request, synchronously, before the server's handler runs.
  diagnosticsChannel.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
  globalForPeer.grantdeskPeerAddresses = true;
}

/** Only a process that overwrites the header on every request may believe it. */
export function peerAddressesRecorded(): boolean {
  return globalForPeer.grantdeskPeerAddresses === true;
}
