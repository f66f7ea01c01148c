import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  id: string;
  /** Focus moves here again whenever this changes (a new phase on the same screen). */
  focusKey?: string | number;
  className?: string;
  children: ReactNode;
}

/**
 * A screen's (or phase's) heading that takes the keyboard focus when it appears, so a screen-reader user hears
 * where they are and Tab continues from here instead of from the top of the page.
 */
export function ScreenHeading({ id, focusKey, className, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <h1 id={id} ref={heading} tabIndex={-1} className={className ? `screen-heading ${className}` : 'screen-heading'}>
      {children}
    </h1>
  );
}
