// Typed calls to the headless shell's test routes (/__harness/...), for tests and screenshots.
import type { AppSnapshot } from '../../../electron/shared/model';
import type { TrayModel } from '../../../electron/core/tray/model';
import type { RecordedNotification, WindowCalls } from '../../harness/recording-ports';
import type { ConfirmRequest } from '../../../electron/core/app/ports';

export interface HttpReply<T> {
  status: number;
  body: T;
}

export interface ClickReply {
  activated: string;
  confirmations: { request: ConfirmRequest; answer: boolean }[];
}

export class HarnessClient {
  constructor(private readonly baseUrl: string) {}

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<HttpReply<T>> {
    const res = await fetch(new URL(`/__harness${path}`, this.baseUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  private async ok<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const reply = await this.call<T>(method, path, body);
    if (reply.status !== 200) {
      throw new Error(
        `${method} /__harness${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`,
      );
    }
    return reply.body;
  }

  /** The tray model as last drawn (the route answers 409 until the first drawing). */
  tray(): Promise<TrayModel> {
    return this.ok('GET', '/tray');
  }

  /** Clicks a menu item; the reply is kept as is so tests can check a refusal. */
  clickTray(id: string, confirm?: boolean): Promise<HttpReply<ClickReply | { error: string }>> {
    return this.call('POST', '/tray/click', confirm === undefined ? { id } : { id, confirm });
  }

  notifications(): Promise<RecordedNotification[]> {
    return this.ok('GET', '/notifications');
  }

  clickNotification(index: number): Promise<unknown> {
    return this.ok('POST', '/notifications/click', { index });
  }

  window(): Promise<WindowCalls> {
    return this.ok('GET', '/window');
  }

  state(): Promise<AppSnapshot> {
    return this.ok('GET', '/state');
  }

  power(event: 'suspend' | 'resume'): Promise<unknown> {
    return this.ok('POST', '/power', { event });
  }

  network(online: boolean): Promise<unknown> {
    return this.ok('POST', '/network', { online });
  }
}
