import { describe, expect, test } from 'vitest';
import { ERROR_CODES, ERROR_MESSAGES } from './errors.ts';
import { events } from './events.ts';
import { methods } from './methods.ts';
import { EVENT_NAMES, METHOD_NAMES } from './names.ts';

describe('contract', () => {
  test('the preload name lists are exactly the methods and events of the contract', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(methods).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  test('names follow feature.verb and feature.pastTense', () => {
    for (const name of Object.keys(methods)) expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
    for (const name of Object.keys(events)) expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*(ed|Changed)$/);
  });

  test('every error code has a Vietnamese and an English message, distinct and non-empty', () => {
    for (const code of ERROR_CODES) {
      const { vi, en } = ERROR_MESSAGES[code];
      expect(vi.trim().length).toBeGreaterThan(10);
      expect(en.trim().length).toBeGreaterThan(10);
      expect(vi).not.toBe(en);
      expect(vi.normalize('NFC')).toBe(vi);
    }
  });
});
