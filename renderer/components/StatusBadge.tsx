// A status as shape, colour and words, so none of the three is needed alone to read it.
import type { StatusKind } from '../../electron/shared/model';
import { formatStatus } from '../../electron/shared/i18n/format';
import { STATUS_MARKS } from '../../electron/shared/status-marks';
import { useTexts } from '../i18n/texts';

export function StatusBadge({ kind, verbatim }: { kind: StatusKind; verbatim?: string }) {
  const { locale } = useTexts();
  return (
    <span className={`badge badge--${kind}`}>
      <span className="badge__shape" aria-hidden="true">
        {STATUS_MARKS[kind]}
      </span>
      <span className="badge__text">{formatStatus(locale, kind, verbatim)}</span>
    </span>
  );
}
