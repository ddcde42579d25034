import type { ReactNode } from 'react';

/** A titled part of the report, with its tools (e.g. "Download CSV") beside the title. */
export function ReportSection({
  id,
  title,
  tools,
  children,
}: {
  id: string;
  title: string;
  tools?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="report-section" aria-labelledby={`${id}-title`} data-testid={`report-${id}`}>
      <header className="report-section__header">
        <h2 id={`${id}-title`}>{title}</h2>
        {tools && <div className="report-section__tools">{tools}</div>}
      </header>
      {children}
    </section>
  );
}
