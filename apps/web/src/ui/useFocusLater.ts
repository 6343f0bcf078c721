import { useEffect, useState } from 'react';

/**
 * Focus an element after the next render, so that error messages and aria attributes are in
 * place before a screen reader reads the newly focused field.
 */
export function useFocusLater(): (target: () => HTMLElement | null | undefined) => void {
  const [pending, setPending] = useState<{ target: () => HTMLElement | null | undefined } | null>(null);
  useEffect(() => {
    if (!pending) return;
    pending.target()?.focus();
    setPending(null);
  }, [pending]);
  return (target) => setPending({ target });
}
