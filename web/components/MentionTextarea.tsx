import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Mentionable {
  id: number;
  name: string;
}

type Props = React.TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  value: string;
  people: readonly Mentionable[];
  onValue: (value: string) => void;
};

const TRIGGER = /(?:^|[^\p{L}\p{N}_@])@([\p{L}\p{N}_.-]{0,40})$/u;

/**
 * A textarea that suggests project members after “@”: arrow keys choose, Enter or Tab inserts
 * `@Full Name` (the form the server recognises), Escape closes the list.
 */
export function MentionTextarea({ id, value, people, onValue, onKeyDown, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ text: string; start: number } | null>(null);
  const [active, setActive] = useState(0);

  const lower = (text: string) => text.toLocaleLowerCase(i18n.language);
  const matches = query
    ? people
        .filter((person) => {
          const q = lower(query.text);
          return (
            q === '' ||
            lower(person.name).startsWith(q) ||
            lower(person.name)
              .split(/\s+/)
              .some((word) => word.startsWith(q))
          );
        })
        .slice(0, 6)
    : [];
  const open = query !== null && matches.length > 0;

  const track = (element: HTMLTextAreaElement) => {
    const before = element.value.slice(0, element.selectionStart ?? element.value.length);
    const match = TRIGGER.exec(before);
    if (!match) {
      setQuery(null);
      return;
    }
    const text = match[1] ?? '';
    setQuery((previous) => {
      if (previous?.text !== text) setActive(0);
      return { text, start: before.length - text.length - 1 };
    });
  };

  const insert = (person: Mentionable) => {
    const element = ref.current;
    if (!element || !query) return;
    const end = element.selectionStart ?? value.length;
    const mention = `@${person.name} `;
    const next = value.slice(0, query.start) + mention + value.slice(end);
    onValue(next);
    setQuery(null);
    const caret = query.start + mention.length;
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(caret, caret);
    });
  };

  return (
    <div className="mention">
      <textarea
        {...rest}
        ref={ref}
        id={id}
        value={value}
        aria-autocomplete="list"
        aria-controls={`${id}-mentions`}
        aria-activedescendant={open && matches[active] ? `${id}-mention-${matches[active].id}` : undefined}
        onChange={(event) => {
          onValue(event.target.value);
          track(event.target);
        }}
        onClick={(event) => track(event.currentTarget)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(event) => {
          if (open) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setActive((index) => (index + step + matches.length) % matches.length);
              return;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault();
              const person = matches[active];
              if (person) insert(person);
              return;
            }
            if (event.key === 'Escape') {
              // Closes the list, not the dialog or form around it.
              event.preventDefault();
              event.stopPropagation();
              setQuery(null);
              return;
            }
          }
          onKeyDown?.(event);
        }}
      />
      <div
        id={`${id}-mentions`}
        role="listbox"
        aria-label={t('taskView.comments.mentionList')}
        className="picker-list mention__list"
        hidden={!open}
      >
        {matches.map((person, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea handles the keys (aria-activedescendant)
          <div
            key={person.id}
            id={`${id}-mention-${person.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className="picker-list__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => insert(person)}
          >
            {person.name}
          </div>
        ))}
      </div>
      <div className="visually-hidden" role="status">
        {open ? t('taskView.comments.mentionCount', { count: matches.length }) : ''}
      </div>
    </div>
  );
}
