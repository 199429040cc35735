/** An RFC 4180 reader that refuses what a strict spreadsheet import would stumble on. */

/** Rows of fields; throws on a bare quote inside an unquoted field or an unterminated quoted one. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') {
            i++;
            break;
          }
          field += '"';
          i += 2;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (i < text.length && !text.startsWith('\r\n', i))
      throw new Error(`a field ends at ${i} without a separator`);
    rows.push(row);
    row = [];
    i += 2;
    if (i >= text.length) return rows;
  }
}
