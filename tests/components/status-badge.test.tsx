import { render } from '@testing-library/react';
import { STATUS_KINDS } from '../../electron/shared/model';
import { STATUS_MARKS } from '../../electron/shared/status-marks';
import { StatusBadge } from '../../renderer/components/StatusBadge';
import { TextsProvider } from '../../renderer/i18n/texts';

describe('status badge', () => {
  it('draws each status with the mark the tray menu shows for it, beside its words', () => {
    for (const kind of STATUS_KINDS) {
      const { container, unmount } = render(
        <TextsProvider locale="en">
          <StatusBadge kind={kind} />
        </TextsProvider>,
      );
      const shape = container.querySelector('.badge__shape');
      expect(shape?.textContent).toBe(STATUS_MARKS[kind]);
      expect(shape).toHaveAttribute('aria-hidden', 'true');
      expect(container.querySelector('.badge__text')?.textContent).not.toBe('');
      unmount();
    }
  });
});
