import { useEffect, useRef, type ReactNode } from 'react';

/** A native modal <dialog> (focus trapped, Escape closes) opened and closed by `open`. */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby={labelledBy}>
      {open && children}
    </dialog>
  );
}
