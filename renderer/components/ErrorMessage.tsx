// A failed command in words: what happened and what to do, plus the server's own message.
import type { CommandError } from '../../electron/shared/contract';
import { useTexts, type Texts } from '../i18n/texts';
import { commandErrorText, serverDetail } from '../i18n/words';

export interface ErrorMessageProps {
  error: CommandError | null;
  id?: string;
  /** Words for the error from a screen that knows what it means there; the usual ones if not. */
  describe?: (texts: Texts, error: CommandError) => string;
}

export function ErrorMessage({ error, id, describe = commandErrorText }: ErrorMessageProps) {
  const texts = useTexts();
  if (!error) return null;
  const detail = serverDetail(texts, error.problem);
  return (
    <p className="error" role="alert" id={id}>
      {describe(texts, error)}
      {detail && <span className="error__detail">{detail}</span>}
    </p>
  );
}
