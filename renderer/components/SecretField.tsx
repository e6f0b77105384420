// A password field whose text can be revealed to check a pasted secret.
import { useId, useState } from 'react';
import { useTexts } from '../i18n/texts';

export interface SecretFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string;
}

export function SecretField({ label, value, onChange, invalid, describedBy }: SecretFieldProps) {
  const { t } = useTexts();
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="secret">
        <input
          id={id}
          type={shown ? 'text' : 'password'}
          value={value}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        <button
          type="button"
          className="btn btn--plain"
          aria-pressed={shown}
          aria-label={t('window.setup.showSecretLabel')}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? t('window.setup.hideSecret') : t('window.setup.showSecret')}
        </button>
      </div>
    </div>
  );
}
