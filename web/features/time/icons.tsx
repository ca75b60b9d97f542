/** Small timer glyphs; always decorative (the control around them carries the name). */
import type { ReactNode } from 'react';

interface IconProps {
  size?: number;
}

/** The 16×16 frame every glyph is drawn in, hidden from assistive technology. */
function TimerIcon({ size, children }: { size: number; children: ReactNode }) {
  return (
    <svg className="timer-icon" viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function PlayIcon({ size = 16 }: IconProps) {
  return (
    <TimerIcon size={size}>
      <path d="M4.5 2.8v10.4a.6.6 0 0 0 .9.5l8.2-5.2a.6.6 0 0 0 0-1L5.4 2.3a.6.6 0 0 0-.9.5Z" fill="currentColor" />
    </TimerIcon>
  );
}

export function StopIcon({ size = 16 }: IconProps) {
  return (
    <TimerIcon size={size}>
      <rect x="3.5" y="3.5" width="9" height="9" rx="1.5" fill="currentColor" />
    </TimerIcon>
  );
}

export function ClockIcon({ size = 14 }: IconProps) {
  return (
    <TimerIcon size={size}>
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 4.6V8l2.3 1.6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </TimerIcon>
  );
}

export function LockIcon({ size = 14 }: IconProps) {
  return (
    <TimerIcon size={size}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5.2 7V5.2a2.8 2.8 0 0 1 5.6 0V7" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </TimerIcon>
  );
}

export function PencilIcon({ size = 16 }: IconProps) {
  return (
    <TimerIcon size={size}>
      <path
        d="M10.8 2.7a1.6 1.6 0 0 1 2.3 0l.2.2a1.6 1.6 0 0 1 0 2.3L6 12.5l-3.2.8.8-3.2 7.2-7.4Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </TimerIcon>
  );
}

export function TrashIcon({ size = 16 }: IconProps) {
  return (
    <TimerIcon size={size}>
      <path
        d="M2.8 4.3h10.4M6.3 4.3V2.8h3.4v1.5M4.2 4.3l.6 8.6a1 1 0 0 0 1 .9h4.4a1 1 0 0 0 1-.9l.6-8.6M6.7 6.8v4.4M9.3 6.8v4.4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </TimerIcon>
  );
}

export function CheckIcon({ size = 14 }: IconProps) {
  return (
    <TimerIcon size={size}>
      <path d="m3 8.5 3.2 3L13 4.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </TimerIcon>
  );
}
