import type { ReactNode } from 'react';

export function Banner({ tone, title, children }: { tone: 'error' | 'warning' | 'info'; title: string; children: ReactNode }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <strong>{title}</strong>
      <div>{children}</div>
    </div>
  );
}
