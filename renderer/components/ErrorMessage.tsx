// A failed command in words: what happened and what to do, plus the server's own message.
import type { CommandError } from '../../electron/shared/contract';
import { useTexts } from '../i18n/texts';
import { commandErrorText, serverDetail } from '../i18n/words';

export function ErrorMessage({ error, id }: { error: CommandError | null; id?: string }) {
  const texts = useTexts();
  if (!error) return null;
  const detail = serverDetail(texts, error.problem);
  return (
    <p className="error" role="alert" id={id}>
      {commandErrorText(texts, error)}
      {detail && <span className="error__detail">{detail}</span>}
    </p>
  );
}
