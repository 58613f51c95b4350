/** The few colours a status may take; each has a text/background pair with at least 7:1 contrast. */
export type Tone = 'ok' | 'warn' | 'danger' | 'neutral';
