// A thin node:http wrapper around the simulated cloud. It binds 127.0.0.1 only, optionally
// delays answers (real time), and closes promptly: close() also ends keep-alive sockets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleSimulatorRequest, isAdminPath } from './admin-routes';
import {
  API_BASE_PATH,
  SimulatedCloud,
  errorResponse,
  serializeBody,
  type SimResponse,
  type SimulatedCloudOptions,
} from './cloud';

export interface SimulatorServerOptions extends SimulatedCloudOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only, on purpose: the simulator accepts a well-known demo secret. */
  host?: '127.0.0.1';
  /** Delay before each API answer, in real milliseconds. Default 0. */
  latencyMs?: number;
}

export interface SimulatorServer {
  /** `http://127.0.0.1:PORT/public_api/v1`, ready to use as an API base URL. */
  url: string;
  port: number;
  cloud: SimulatedCloud;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export async function startSimulatorServer(
  opts: SimulatorServerOptions = {},
): Promise<SimulatorServer> {
  const { port = 0, host = '127.0.0.1', latencyMs = 0, ...cloudOptions } = opts;
  if (host !== '127.0.0.1') throw new RangeError('the simulator listens on 127.0.0.1 only');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer 0..65535, got ${port}`);
  }
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new RangeError(`latencyMs must be a finite number >= 0, got ${latencyMs}`);
  }
  const cloud = new SimulatedCloud(cloudOptions);
  const delayed = new Set<ReturnType<typeof setTimeout>>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const path = req.url ?? '/';
      let answer: SimResponse;
      try {
        answer = handleSimulatorRequest(cloud, {
          method: req.method ?? 'GET',
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      } catch (e) {
        answer = errorResponse(500, 'SIMULATOR_ERROR', e instanceof Error ? e.message : String(e));
      }
      const send = () => {
        if (res.destroyed) return;
        const text = serializeBody(answer);
        res.writeHead(answer.status, {
          ...answer.headers,
          'content-length': String(Buffer.byteLength(text)),
        });
        res.end(text);
      };
      if (latencyMs > 0 && !(cloud.options.admin && isAdminPath(path))) {
        const timer = setTimeout(() => {
          delayed.delete(timer);
          send();
        }, latencyMs);
        delayed.add(timer);
      } else {
        send();
      }
    });
  });

  await listen(server, port, host);
  const actualPort = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;

  return {
    url: `http://${host}:${actualPort}${API_BASE_PATH}`,
    port: actualPort,
    cloud,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        for (const t of delayed) clearTimeout(t);
        delayed.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
