/**
 * The server marks search matches with « and » in plain text. They become <mark> elements here;
 * everything else stays a text node, so nothing in a task's text is ever read as HTML.
 */
export function Highlight({ text }: { text: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('«');
    if (open < 0) {
      parts.push({ text: rest, marked: false });
      break;
    }
    const close = rest.indexOf('»', open + 1);
    if (close < 0) {
      parts.push({ text: rest.replaceAll('«', ''), marked: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), marked: false });
    parts.push({ text: rest.slice(open + 1, close), marked: true });
    rest = rest.slice(close + 1);
  }
  return (
    <>
      {parts.map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}

/**
 * Splits a search snippet into the part that is the task's title (the snippet often starts with
 * it) and what follows, keeping the « » marks balanced on both sides.
 */
export function splitHighlight(highlight: string, title: string): { title: string | null; rest: string } {
  let plain = 0;
  let inMark = false;
  for (let index = 0; index < highlight.length; index++) {
    const char = highlight[index];
    if (char === '«') {
      inMark = true;
      continue;
    }
    if (char === '»') {
      inMark = false;
      continue;
    }
    if (char !== title[plain]) return { title: null, rest: highlight };
    plain++;
    if (plain === title.length) {
      const head = highlight.slice(0, index + 1) + (inMark ? '»' : '');
      const tail = (inMark ? '«' : '') + highlight.slice(index + 1);
      return { title: head, rest: tail.replace(/^[\s»]+$/, '').trim() };
    }
  }
  return { title: null, rest: highlight };
}
