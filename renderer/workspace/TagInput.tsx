import { useId, useState, type KeyboardEvent } from 'react';

const MAX_TAG = 60;

/** Normalises a typed tag: trimmed, inner spaces collapsed, at most 60 characters. */
export function cleanTag(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG);
}

/** Tags as removable chips; Enter or comma adds the typed one. Known tags are offered as you type. */
export function TagInput({
  tags,
  known,
  onChange,
  label,
}: {
  readonly tags: readonly string[];
  readonly known: readonly string[];
  readonly onChange: (tags: string[]) => void;
  readonly label: string;
}) {
  const [text, setText] = useState('');
  const listId = useId();
  const add = (): void => {
    const tag = cleanTag(text);
    setText('');
    if (tag !== '' && !tags.includes(tag)) onChange([...tags, tag]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && !event.repeat && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };
  return (
    <div className="tags">
      {tags.map((tag) => (
        <span key={tag} className="chip" data-testid="tag">
          {tag}
          <button
            type="button"
            aria-label={`Remove tag ${tag}`}
            onClick={() => onChange(tags.filter((t) => t !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        type="text"
        value={text}
        aria-label={label}
        placeholder="Add a tag…"
        list={listId}
        maxLength={MAX_TAG}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
        data-testid="tag-input"
      />
      <datalist id={listId}>
        {known
          .filter((tag) => !tags.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
    </div>
  );
}
