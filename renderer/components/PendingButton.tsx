// A button that shows its request is under way from the moment it is pressed. While pending it
// stays focusable (aria-disabled rather than disabled) so keyboard focus is not thrown away,
// and it ignores further presses.
import type { ComponentProps, MouseEvent } from 'react';

export interface PendingButtonProps extends ComponentProps<'button'> {
  pending: boolean;
  /** Replaces the label while pending, e.g. "Testing…". */
  pendingLabel?: string;
  variant?: 'primary' | 'danger' | 'plain';
}

export function PendingButton(props: PendingButtonProps) {
  const { pending, pendingLabel, variant, className, children, onClick, type, ...rest } = props;
  const classes = ['btn', variant ? `btn--${variant}` : '', className ?? ''].filter(Boolean);
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={classes.join(' ')}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={handleClick}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
