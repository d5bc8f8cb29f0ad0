// A TCP proxy between a client and a server that a test can make go silent: after blackhole(),
// the connections it carries stop passing bytes in either direction without closing (what a NAT
// that forgot a mapping, or a server gone while this process was frozen, looks like from here),
// while new connections pass as before.
import net from "node:net";
import type { AddressInfo } from "node:net";

export type TcpProxy = {
  port: number;
  /** Connections open now go silent; later ones work. */
  blackhole: () => void;
  close: () => Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<{ client: net.Socket; server: net.Socket; silent: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair = { client, server: upstream, silent: false };
    open.add(pair);
    client.on("data", (chunk) => pair.silent || upstream.write(chunk));
    upstream.on("data", (chunk) => pair.silent || client.write(chunk));
    const done = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // A silent connection must not close either: its ends stay open, saying nothing.
    client.on("close", () => pair.silent || done());
    upstream.on("close", () => pair.silent || done());
    client.on("error", () => undefined);
    upstream.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    blackhole: () => {
      for (const pair of open) pair.silent = true;
    },
    close: async () => {
      for (const pair of open) {
        pair.client.destroy();
        pair.server.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
