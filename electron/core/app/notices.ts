// Banners the window shows once until dismissed. One of a kind at a time where repeating it
// would say nothing new (e.g. the keychain is still unavailable).
import type { Notice, NoticeKind } from '../../shared/model';

const ONE_AT_A_TIME: ReadonlySet<NoticeKind> = new Set([
  'settings-recovered',
  'settings-unreadable',
  'keychain-unavailable',
  'demo-mode',
]);

/** Operation notices kept at most: older ones have been overtaken by the state itself. */
const MAX_NOTICES = 10;

export class NoticeBoard {
  private notices: Notice[] = [];
  private next = 1;

  add(kind: NoticeKind, at: number, params: Notice['params'] = {}): Notice {
    if (ONE_AT_A_TIME.has(kind)) this.notices = this.notices.filter((n) => n.kind !== kind);
    const notice: Notice = { id: `notice-${this.next++}`, kind, at, params };
    this.notices = [...this.notices, notice].slice(-MAX_NOTICES);
    return notice;
  }

  /** Whether a notice with this id was there. */
  dismiss(id: string): boolean {
    const before = this.notices.length;
    this.notices = this.notices.filter((n) => n.id !== id);
    return this.notices.length !== before;
  }

  /** Dismisses every notice `done` says is over; whether any was there. */
  dismissWhere(done: (notice: Notice) => boolean): boolean {
    const before = this.notices.length;
    this.notices = this.notices.filter((n) => !done(n));
    return this.notices.length !== before;
  }

  dismissKind(kind: NoticeKind): void {
    this.notices = this.notices.filter((n) => n.kind !== kind);
  }

  list(): Notice[] {
    return this.notices.map((n) => ({ ...n, params: { ...n.params } }));
  }
}
