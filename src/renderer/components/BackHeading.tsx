import type { ReactNode } from 'react';
import { ScreenHeading } from './ScreenHeading';

interface Props {
  className: string;
  headingId: string;
  heading: string;
  backLabel: string;
  onBack(): void;
  /** Actions after the heading (Refresh, …). */
  children?: ReactNode;
}

/** The head of a screen reached from home: Back, then the heading that takes focus, then the screen's own actions. */
export function BackHeading({ className, headingId, heading, backLabel, onBack, children }: Props) {
  return (
    <div className={className}>
      <button type="button" className="button-secondary" onClick={onBack}>
        {backLabel}
      </button>
      <ScreenHeading id={headingId}>{heading}</ScreenHeading>
      {children}
    </div>
  );
}
