// The JSON routes tests use to look at and act on what a user would see outside the window: the
// tray menu, notifications, native dialogs and the machine's power and network state.
import { z } from 'zod';
import type { AppController } from '../../electron/core/app/controller-types';
import { findMenuItem } from '../../electron/core/tray/find';
import type { TrayMenuItem, TrayModel } from '../../electron/core/tray/model';
import { renderTrayHtml } from './tray-html';
import type {
  ControllableNetworkStatus,
  ControllablePowerEvents,
  RecordingNotifier,
  RecordingTrayView,
  RecordingWindowHost,
} from './recording-ports';

/** Everything the routes and the WebSocket bridge act on. */
export interface HarnessParts {
  controller: AppController;
  tray: RecordingTrayView;
  notifier: RecordingNotifier;
  window: RecordingWindowHost;
  power: ControllablePowerEvents;
  network: ControllableNetworkStatus;
  /** Every log line the controller wrote, already scrubbed of secrets. */
  logLines(): string[];
}

export interface RouteRequest {
  method: string;
  /** Below the /__harness prefix, e.g. `/tray/click`. */
  path: string;
  query: URLSearchParams;
  body: string;
}

/** JSON unless `html` is set. */
export type RouteResponse =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { status: number; html: string };

/** How many times the tray has been drawn, beside the model `GET /tray` answers with. */
export const RENDER_COUNT_HEADER = 'x-harness-render-count';

/** `GET /tray`: the current tray model itself. */
function trayReply(parts: HarnessParts): RouteResponse {
  const model = parts.tray.model;
  if (model === undefined) return error(409, 'The tray has not been drawn yet.');
  return {
    status: 200,
    body: model,
    headers: { [RENDER_COUNT_HEADER]: String(parts.tray.renderCount) },
  };
}

const clickBody = z.object({ id: z.string().min(1), confirm: z.boolean().optional() }).strict();
const notificationClickBody = z.object({ index: z.number().int().nonnegative() }).strict();
const powerBody = z.object({ event: z.enum(['suspend', 'resume']) }).strict();
const networkBody = z.object({ online: z.boolean() }).strict();

const SHAPES = new Map<z.ZodType, string>([
  [clickBody, '{"id": "<menu item id>", "confirm"?: true|false}'],
  [notificationClickBody, '{"index": <notification index, 0 or more>}'],
  [powerBody, '{"event": "suspend"|"resume"}'],
  [networkBody, '{"online": true|false}'],
]);

function error(status: number, message: string): RouteResponse {
  return { status, body: { error: message } };
}

function parseBody<T>(
  schema: z.ZodType<T>,
  text: string,
): { ok: true; value: T } | { ok: false; response: RouteResponse } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      response: error(400, `The request body is not valid JSON (${(e as Error).message}).`),
    };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    response: error(
      400,
      `The request body must look like ${SHAPES.get(schema) ?? 'the documented shape'}.`,
    ),
  };
}

function allIds(items: readonly TrayMenuItem[]): string[] {
  return items.flatMap((i) => [i.id, ...(i.submenu ? allIds(i.submenu) : [])]);
}

async function clickTrayItem(parts: HarnessParts, body: string): Promise<RouteResponse> {
  const parsed = parseBody(clickBody, body);
  if (!parsed.ok) return parsed.response;
  const { id, confirm = false } = parsed.value;
  const model: TrayModel | undefined = parts.tray.model;
  if (model === undefined) return error(409, 'The tray has not been drawn yet.');
  const item = findMenuItem(model, id);
  if (item === undefined) {
    return error(404, `No menu item "${id}". The menu has: ${allIds(model.menu).join(', ')}.`);
  }
  // A real menu does not let anyone click these, so neither does the harness.
  if (!item.enabled) {
    const why = item.hint === undefined ? '' : ` (${item.hint})`;
    return error(409, `Menu item "${id}" is disabled: "${item.label}"${why}.`);
  }
  if (item.type !== 'normal' || item.action === undefined) {
    return error(409, `Menu item "${id}" is a ${item.type} and does nothing when clicked.`);
  }
  const before = parts.window.recorded().confirms.length;
  await parts.window.withConfirmAnswer(confirm, () => parts.controller.activateTrayItem(id));
  const confirmations = parts.window.recorded().confirms.slice(before);
  return { status: 200, body: { activated: id, confirmations } };
}

export async function handleRoute(parts: HarnessParts, req: RouteRequest): Promise<RouteResponse> {
  const route = `${req.method.toUpperCase()} ${req.path}`;
  switch (route) {
    case 'GET /tray':
      return trayReply(parts);
    case 'POST /tray/click':
      return clickTrayItem(parts, req.body);
    case 'GET /notifications':
      return { status: 200, body: parts.notifier.list() };
    case 'POST /notifications/click': {
      const parsed = parseBody(notificationClickBody, req.body);
      if (!parsed.ok) return parsed.response;
      const { index } = parsed.value;
      if (!parts.notifier.click(index)) {
        const count = parts.notifier.list().length;
        return error(404, `No notification ${index}: ${count} shown so far.`);
      }
      return { status: 200, body: { clicked: index } };
    }
    case 'POST /power': {
      const parsed = parseBody(powerBody, req.body);
      if (!parsed.ok) return parsed.response;
      parts.power.emit(parsed.value.event);
      return { status: 200, body: { event: parsed.value.event } };
    }
    case 'POST /network': {
      const parsed = parseBody(networkBody, req.body);
      if (!parsed.ok) return parsed.response;
      parts.network.set(parsed.value.online);
      return { status: 200, body: { online: parts.network.isOnline() } };
    }
    case 'GET /window':
      return { status: 200, body: parts.window.recorded() };
    case 'GET /tray.html': {
      const theme = req.query.get('theme') ?? 'light';
      if (theme !== 'light' && theme !== 'dark') {
        return error(400, 'theme must be light or dark.');
      }
      if (parts.tray.model === undefined) return error(409, 'The tray has not been drawn yet.');
      const open = req.query.get('open') ?? undefined;
      return { status: 200, html: renderTrayHtml(parts.tray.model, { theme, open }) };
    }
    case 'GET /state':
      return { status: 200, body: parts.controller.snapshot() };
    case 'GET /log':
      return { status: 200, body: parts.logLines() };
    default: {
      const known = [
        '/tray',
        '/tray/click',
        '/tray.html',
        '/notifications',
        '/notifications/click',
        '/power',
        '/network',
        '/window',
        '/state',
        '/log',
      ];
      return known.includes(req.path)
        ? error(405, `${req.method} is not allowed on /__harness${req.path}.`)
        : error(404, `No harness route /__harness${req.path}.`);
    }
  }
}
