import { useEffect, useRef } from 'react';
import { createScanDetector } from './scan-detector.ts';

type Editable = HTMLInputElement | HTMLTextAreaElement;

function editableOf(element: Element | null): Editable | null {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element : null;
}

/** Sets a React-controlled field's value the way typing does, so React's state follows. */
export function setFieldValue(field: Editable, value: string): void {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens on the whole window while `enabled`: wherever focus is, a scanner burst ending in Enter becomes
 * `onScan(text)`, its Enter does nothing else, and the scanned text is taken back out of the field it went into.
 * Characters come from keydown (real keys) and from `beforeinput` (text inserted without a key event, as
 * some scanners and input methods do); the same character is never counted twice.
 */
export function useIdScanner(enabled: boolean, onScan: (text: string) => void): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (!enabled) return undefined;
    const detector = createScanDetector();
    let pendingKey: string | null = null;

    const push = (text: string) => detector.push(text, performance.now());
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key === 'Enter') {
        const text = detector.enter(performance.now());
        if (text === null) return;
        event.preventDefault();
        event.stopPropagation();
        // The scanner typed into the focused field: take its text back out.
        const field = editableOf(document.activeElement);
        const index = field ? field.value.lastIndexOf(text) : -1;
        if (field && index !== -1) setFieldValue(field, field.value.slice(0, index) + field.value.slice(index + text.length));
        onScanRef.current(text);
        return;
      }
      if (event.key.length === 1) {
        pendingKey = event.key;
        push(event.key);
      }
    };
    const onBeforeInput = (event: Event) => {
      if (!(event instanceof InputEvent) || event.inputType !== 'insertText' || !event.data) return;
      if (pendingKey !== null && event.data === pendingKey) {
        pendingKey = null;
        return;
      }
      push(event.data);
    };
    const onKeyUp = () => {
      pendingKey = null;
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('beforeinput', onBeforeInput, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('beforeinput', onBeforeInput, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [enabled]);
}
