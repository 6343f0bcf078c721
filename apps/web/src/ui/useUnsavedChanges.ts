import { useCallback, useEffect, useRef } from 'react';
import { type Blocker, useBlocker } from 'react-router';

/**
 * Every mounted form's "has unsaved changes" check. The router honours only the last registered blocker,
 * so each blocker asks all of them: a page with two forms is held while either has unsaved changes.
 */
const unsavedForms = new Set<() => boolean>();

/**
 * Holds a move away from a form with unsaved changes: moves inside the app (links, Back and Forward)
 * are blocked until the person confirms (render `UnsavedChangesPrompt` with the blocker), and a reload
 * or closing the tab gets the browser's own prompt. Call `release()` just before navigating away
 * after a successful save, so that move goes through without a prompt.
 */
export function useUnsavedChanges(dirty: boolean): { blocker: Blocker; release: () => void } {
  const dirtyRef = useRef(dirty);
  const released = useRef(false);
  dirtyRef.current = dirty;
  if (!dirty) released.current = false;

  useEffect(() => {
    const check = () => dirtyRef.current && !released.current;
    unsavedForms.add(check);
    return () => {
      unsavedForms.delete(check);
    };
  }, []);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      [...unsavedForms].some((check) => check()) &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (released.current) return;
      e.preventDefault();
      // Older browsers show the prompt only when a value is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const release = useCallback(() => {
    released.current = true;
  }, []);
  return { blocker, release };
}
