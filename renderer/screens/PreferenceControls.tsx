// Settings controls that save as soon as they change. While a change is being saved the
// control shows the new value and "Saving…"; on failure it falls back and says why.
import { useId, useState, type ReactNode } from 'react';
import type { CommandRequest } from '../../electron/shared/contract';
import { useCommand } from '../app/use-command';
import { ErrorMessage } from '../components/ErrorMessage';
import { useTexts } from '../i18n/texts';

type PreferencesPatch = CommandRequest<'preferences.update'>;

export interface Option<T> {
  value: T;
  label: string;
}

function Saving({ pending }: { pending: boolean }) {
  const { t } = useTexts();
  return pending ? <span className="saving">{t('window.settings.saving')}</span> : null;
}

export function PreferenceSelect<T extends string | number>(props: {
  label: string;
  hint?: ReactNode;
  value: T;
  options: Option<T>[];
  patch: (value: T) => PreferencesPatch;
}) {
  const { label, hint, value, options, patch } = props;
  const id = useId();
  const hintId = useId();
  const update = useCommand('preferences.update');
  const [draft, setDraft] = useState<T | null>(null);
  const shown = update.pending && draft !== null ? draft : value;

  const onChange = async (raw: string) => {
    const next = options.find((o) => String(o.value) === raw)?.value;
    if (next === undefined || update.pending) return;
    setDraft(next);
    await update.run(patch(next));
    setDraft(null);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <select
          id={id}
          value={String(shown)}
          aria-busy={update.pending || undefined}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => void onChange(event.target.value)}
        >
          {options.map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {o.label}
            </option>
          ))}
        </select>
        <Saving pending={update.pending} />
      </div>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <ErrorMessage error={update.error} />
    </div>
  );
}

/** A checkbox whose change is one command; the caller owns the command and its error. */
export function CommandToggle(props: {
  label: string;
  checked: boolean;
  pending: boolean;
  error: ReactNode;
  onToggle: (checked: boolean) => Promise<void>;
}) {
  const { label, checked, pending, error, onToggle } = props;
  const [draft, setDraft] = useState<boolean | null>(null);
  const shown = pending && draft !== null ? draft : checked;
  const onChange = async (next: boolean) => {
    if (pending) return;
    setDraft(next);
    await onToggle(next);
    setDraft(null);
  };
  return (
    <div className="toggle">
      <label className="choice">
        <input
          type="checkbox"
          checked={shown}
          aria-busy={pending || undefined}
          onChange={(event) => void onChange(event.target.checked)}
        />
        <span className="toggle__label">{label}</span>
      </label>
      <Saving pending={pending} />
      {error}
    </div>
  );
}

export function PreferenceToggle(props: {
  label: string;
  checked: boolean;
  patch: (checked: boolean) => PreferencesPatch;
}) {
  const update = useCommand('preferences.update');
  return (
    <CommandToggle
      label={props.label}
      checked={props.checked}
      pending={update.pending}
      error={<ErrorMessage error={update.error} />}
      onToggle={async (checked) => {
        await update.run(props.patch(checked));
      }}
    />
  );
}
