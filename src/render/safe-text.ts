/**
 * Text from the records (names, logins, paths, titles, messages) can carry control characters:
 * an escape sequence that sets a terminal's window title, clears the screen or writes an OSC 8
 * `javascript:` hyperlink; a carriage return that overwrites what came before; a bidirectional
 * override that reorders what the reader sees. On the way to a reader every such character is
 * written as a visible `\u00XX` escape instead (in JSON that is the same string; in text it shows
 * what was there). Tabs and line feeds are the renderers' own business and pass.
 */
/** Control and bidi-override code points (tab and line feed are not among them). */
function isControl(code: number): boolean {
  return (
    (code <= 0x1f && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const ESC = String.fromCharCode(0x1b);

export function visibleControls(text: string): string {
  let out = "";
  for (const character of text) {
    out += isControl(character.charCodeAt(0)) ? visible(character) : character;
  }
  return out;
}

/**
 * For a stream bound to a terminal: every control character becomes visible except tab, line feed
 * and the two sequences legible writes itself — SGR (bold, colour) and "erase line" — and, where
 * progress redraws a line, carriage return.
 */
export function terminalSafe(text: string, options: { carriageReturn: boolean }): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    const code = character.charCodeAt(0);
    if (!isControl(code)) {
      out += character;
    } else if (code === 0x0d && options.carriageReturn) {
      out += character;
    } else if (character === ESC) {
      const sequence = /^\[[0-9;]*[mK]/.exec(text.slice(i + 1, i + 32));
      if (sequence) {
        out += ESC + sequence[0];
        i += sequence[0].length;
      } else {
        out += visible(character);
      }
    } else {
      out += visible(character);
    }
  }
  return out;
}

function visible(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * A CSV cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 * carriage return) gets a leading apostrophe, as OWASP's "CSV injection" guidance advises; a plain
 * negative number stays a number.
 */
export function csvSafe(value: string): string {
  if (/^-\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
